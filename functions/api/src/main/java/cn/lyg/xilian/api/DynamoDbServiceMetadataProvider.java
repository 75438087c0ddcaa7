package cn.lyg.xilian.api;

import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.regions.ServiceMetadataProvider;
import software.amazon.awssdk.regions.servicemetadata.DynamodbServiceMetadata;

/**
 * The SDK's service metadata for the one service this function calls. In the Lambda jar only: the shade
 * configuration (pom.xml) renames the SDK's {@code GeneratedServiceMetadataProvider}, whose static map
 * instantiates the metadata class of each of ~300 services, to this class and leaves those classes out (~0.7 MB).
 * For any other service this returns null, as the SDK's provider does for an unknown one, and
 * {@code ServiceMetadata.of} falls back to its default metadata. Nothing else instantiates it.
 */
public final class DynamoDbServiceMetadataProvider implements ServiceMetadataProvider {

    /** The endpoint prefix DynamoDbClient asks for (DynamoDbClient.SERVICE_METADATA_ID). */
    static final String DYNAMODB = "dynamodb";
    private static final ServiceMetadata DYNAMODB_METADATA = new DynamodbServiceMetadata();

    @Override
    public ServiceMetadata serviceMetadata(String endpointPrefix) {
        return DYNAMODB.equals(endpointPrefix) ? DYNAMODB_METADATA : null;
    }
}
