package cn.lyg.xilian.dynamodb.micronaut;

import cn.lyg.xilian.dynamodb.DynamoAlertRepository;
import cn.lyg.xilian.dynamodb.DynamoCalendarRepository;
import cn.lyg.xilian.dynamodb.DynamoCatalogRepository;
import cn.lyg.xilian.dynamodb.DynamoCredentialRepository;
import cn.lyg.xilian.dynamodb.DynamoDbClientFactory;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.DynamoDigestRepository;
import cn.lyg.xilian.dynamodb.DynamoEvidenceRepository;
import cn.lyg.xilian.dynamodb.DynamoExtensionRepository;
import cn.lyg.xilian.dynamodb.DynamoInstructionRepository;
import cn.lyg.xilian.dynamodb.DynamoProgressRepository;
import cn.lyg.xilian.dynamodb.DynamoRateCounter;
import cn.lyg.xilian.dynamodb.DynamoReviewRepository;
import cn.lyg.xilian.dynamodb.DynamoSessionRepository;
import cn.lyg.xilian.dynamodb.DynamoSupervisionRecords;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Optional;

/**
 * Micronaut wiring of the DynamoDB adapter: one client and the repositories per context (the client is
 * thread-safe and costly to build; the repositories share it, each through the Enhanced Client with the static
 * schemas of its items, which are built once per process).
 * The client is not taken from micronaut-aws-sdk-v2, which does not know SDK 2.57's apache5 client.
 */
@Factory
public class DynamoDbFactory {

    @Singleton
    DynamoDbSettings dynamoDbSettings(DynamoDbProperties properties) {
        return new DynamoDbSettings(properties.getTable(), Optional.ofNullable(properties.getEndpoint()),
                properties.getRegion(), properties.getApiCallAttemptTimeout(), properties.getApiCallTimeout());
    }

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDbClient(DynamoDbSettings settings) {
        if (settings.endpointOverride().isEmpty()) {
            return DynamoDbClientFactory.client(settings); // AWS: the default chain (the Lambda role)
        }
        // A local stand-in (dynalite) accepts any signature; fixed keys keep local runs and tests
        // independent of ~/.aws and of the environment.
        return DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .overrideConfiguration(DynamoDbClientFactory.timeouts(settings))
                .endpointOverride(settings.endpointOverride().get())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @Singleton
    DynamoCatalogRepository catalogRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoCatalogRepository(client, settings);
    }

    @Singleton
    DynamoProgressRepository progressRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoProgressRepository(client, settings);
    }

    @Singleton
    DynamoCredentialRepository credentialRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoCredentialRepository(client, settings);
    }

    @Singleton
    DynamoSessionRepository sessionRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoSessionRepository(client, settings);
    }

    @Singleton
    DynamoReviewRepository reviewRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoReviewRepository(client, settings);
    }

    @Singleton
    DynamoExtensionRepository extensionRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoExtensionRepository(client, settings);
    }

    @Singleton
    DynamoInstructionRepository instructionRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoInstructionRepository(client, settings);
    }

    @Singleton
    DynamoSupervisionRecords supervisionRecords(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoSupervisionRecords(client, settings);
    }

    /** Holiday calendars: read by the board and the jobs, loaded by infra/bin/load-calendar. */
    @Singleton
    DynamoCalendarRepository calendarRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoCalendarRepository(client, settings);
    }

    @Singleton
    DynamoEvidenceRepository evidenceRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoEvidenceRepository(client, settings);
    }

    @Singleton
    cn.lyg.xilian.dynamodb.DynamoUnitInbox unitInbox(DynamoDbClient client, DynamoDbSettings settings) {
        return new cn.lyg.xilian.dynamodb.DynamoUnitInbox(client, settings);
    }

    @Singleton
    cn.lyg.xilian.dynamodb.DynamoNoticeMarks noticeMarks(DynamoDbClient client, DynamoDbSettings settings) {
        return new cn.lyg.xilian.dynamodb.DynamoNoticeMarks(client, settings);
    }

    @Singleton
    cn.lyg.xilian.dynamodb.DynamoLinkRequestRepository linkRequests(DynamoDbClient client, DynamoDbSettings settings) {
        return new cn.lyg.xilian.dynamodb.DynamoLinkRequestRepository(client, settings);
    }

    /** Units with their contacts and the coordinator accounts (单位与账号管理; the jobs' contacts). */
    @Singleton
    cn.lyg.xilian.dynamodb.DynamoDirectory directory(DynamoDbClient client, DynamoDbSettings settings) {
        return new cn.lyg.xilian.dynamodb.DynamoDirectory(client, settings);
    }

    /** The audit trail (操作留痕): written by the API, the jobs and the command line. */
    @Singleton
    cn.lyg.xilian.dynamodb.DynamoAuditLog auditLog(DynamoDbClient client, DynamoDbSettings settings) {
        return new cn.lyg.xilian.dynamodb.DynamoAuditLog(client, settings);
    }

    @Singleton
    DynamoRateCounter rateCounter(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoRateCounter(client, settings);
    }

    /**
     * The alert and digest repositories serve the job functions (and the local run) only. A function that
     * does not need them sets {@value #JOB_REPOSITORIES}{@code : false} (the API does): the Lambda context
     * creates every singleton at start, and a bean the function never uses is start-up time for nothing.
     */
    public static final String JOB_REPOSITORIES = "xilian.dynamodb.job-repositories";

    @Singleton
    @Requires(property = JOB_REPOSITORIES, notEquals = "false")
    DynamoAlertRepository alertRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoAlertRepository(client, settings);
    }

    @Singleton
    @Requires(property = JOB_REPOSITORIES, notEquals = "false")
    DynamoDigestRepository digestRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoDigestRepository(client, settings);
    }
}
