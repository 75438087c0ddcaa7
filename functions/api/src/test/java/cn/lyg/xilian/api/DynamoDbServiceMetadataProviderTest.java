package cn.lyg.xilian.api;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.GeneratedServiceMetadataProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceEndpointKey;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lambda jar's replacement of the SDK's service metadata provider (pom.xml's relocation) must answer for
 * DynamoDB exactly as the SDK's does (this test's class path has the SDK's unshaded), in the regions the stack
 * may be deployed to and in the fallback case. tests/runtime runs the shaded jar itself.
 */
class DynamoDbServiceMetadataProviderTest {

    static final List<Region> REGIONS = List.of(Region.CN_NORTH_1, Region.CN_NORTHWEST_1, Region.US_EAST_1,
            Region.AP_EAST_1, Region.EU_CENTRAL_1, Region.of("xx-nowhere-1"));

    @Test
    void answersForDynamoDbAsTheSdk() {
        ServiceMetadata sdk = new GeneratedServiceMetadataProvider().serviceMetadata(DynamoDbClient.SERVICE_METADATA_ID);
        ServiceMetadata ours = new DynamoDbServiceMetadataProvider().serviceMetadata(DynamoDbClient.SERVICE_METADATA_ID);
        assertThat(ours).isNotNull().isInstanceOf(sdk.getClass());
        assertThat(ours.regions()).isEqualTo(sdk.regions());
        for (Region r : REGIONS) {
            ServiceEndpointKey key = ServiceEndpointKey.builder().region(r).build();
            assertThat(ours.endpointFor(key)).as("endpoint in %s", r).isEqualTo(sdk.endpointFor(key));
            assertThat(ours.signingRegion(key)).as("signing region in %s", r).isEqualTo(sdk.signingRegion(key));
        }
        assertThat(ours.endpointFor(ServiceEndpointKey.builder().region(Region.CN_NORTH_1).build()))
                .hasToString("dynamodb.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void knowsNoOtherServiceSoTheSdkFallsBackToItsDefault() {
        assertThat(new DynamoDbServiceMetadataProvider().serviceMetadata("s3")).isNull();
        assertThat(new DynamoDbServiceMetadataProvider().serviceMetadata("streams.dynamodb")).isNull();
        assertThat(new GeneratedServiceMetadataProvider().serviceMetadata("no-such-service")).isNull();
    }
}
