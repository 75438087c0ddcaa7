package cn.lyg.xilian.api;

import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.StoragePriming;
import io.micronaut.context.annotation.Parallel;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the DynamoDB client and the static schemas a first request reads (credential or session, plan) on a second
 * thread during an on-demand init ({@code @Parallel}, started when the context's start-up beans are done). The SDK's
 * client set-up (configuration, endpoint rules, the TLS trust store) is about a fifth of a cold start, and every
 * request needs the client first (its credential or session lookup) and the schemas of what it reads; meanwhile the
 * invoking thread builds the router and starts the request. The client is one singleton and a schema one class's
 * static field: whichever thread asks second waits for the same build. Under SnapStart and provisioned concurrency
 * every singleton is built during init anyway (ApiHandler), and priming builds every schema. A failed build is not
 * fatal here: the request that needs the client builds it again and answers with its error.
 */
@Singleton
@Parallel(shutdownOnError = false)
final class DynamoDbClientEarlyStart {

    DynamoDbClientEarlyStart(DynamoDbClient client, DynamoDbSettings settings) {
        // being created is the job: the constructor argument is the client, built on this thread; then the schemas
        StoragePriming.prepareFirstRequest(client, settings);
    }
}
