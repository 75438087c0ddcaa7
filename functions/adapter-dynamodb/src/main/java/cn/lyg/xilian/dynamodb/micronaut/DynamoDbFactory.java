package cn.lyg.xilian.dynamodb.micronaut;

import cn.lyg.xilian.dynamodb.DynamoCredentialRepository;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client once per context and the repositories on top of it. The client is built here
 * rather than by micronaut-aws-sdk-v2 because that module does not know the apache5 client SDK 2.57 brings
 * (see stack-notes), and an explicit url-connection client also starts fastest in Lambda.
 */
@Factory
public class DynamoDbFactory {

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDbClient(DynamoDbSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.getRegion()));
        if (settings.getEndpoint() != null) {
            // A local stand-in (dynalite) accepts any signature; fixed keys keep tests independent of ~/.aws.
            builder.endpointOverride(settings.getEndpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Singleton
    DynamoCredentialRepository credentialRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoCredentialRepository(client, settings.getTable());
    }
}
