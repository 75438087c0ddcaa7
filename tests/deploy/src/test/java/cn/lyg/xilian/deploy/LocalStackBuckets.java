package cn.lyg.xilian.deploy;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.LoggingEnabled;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.SimplePrefix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LocalStack 4.14's CloudFormation creates an {@code AWS::S3::Bucket} with its versioning (and tags, CORS, website,
 * notifications) but silently drops BucketEncryption, PublicAccessBlockConfiguration, LifecycleConfiguration,
 * OwnershipControls and LoggingConfiguration. This puts those of the template's properties (their Refs resolved by
 * {@link LocalStackStack#resolveRefs}) through S3's own API after the stack is created, as CloudFormation does in
 * AWS, so the buckets are configured as written and S3 validates the configuration (a logging target must exist).
 * LocalStack records server access logging but writes no access logs: the log bucket stays empty in this tier.
 * A property neither LocalStack nor this class applies fails the deployment (extend it here).
 */
final class LocalStackBuckets {

    /** Applied by LocalStack's CloudFormation itself. */
    private static final Set<String> APPLIED_BY_LOCALSTACK = Set.of("VersioningConfiguration", "Tags",
            "CorsConfiguration", "WebsiteConfiguration", "NotificationConfiguration", "ObjectLockConfiguration",
            "BucketName");

    private LocalStackBuckets() {
    }

    static void applyDroppedProperties(S3Client s3, String bucket, Map<?, ?> properties) {
        for (Map.Entry<?, ?> p : properties.entrySet()) {
            String name = String.valueOf(p.getKey());
            Map<?, ?> value = p.getValue() instanceof Map<?, ?> m ? m : Map.of();
            switch (name) {
                case "BucketEncryption" -> s3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(
                        c -> c.rules(list(value.get("ServerSideEncryptionConfiguration")).stream()
                                .map(r -> ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(d -> d
                                        .sseAlgorithm(text(map(r).get("ServerSideEncryptionByDefault"), "SSEAlgorithm"))
                                        .kmsMasterKeyID(text(map(r).get("ServerSideEncryptionByDefault"), "KMSMasterKeyID")))
                                        .bucketKeyEnabled(bool(map(r).get("BucketKeyEnabled"))).build()).toList())));
                case "PublicAccessBlockConfiguration" -> s3.putPublicAccessBlock(b -> b.bucket(bucket)
                        .publicAccessBlockConfiguration(c -> c.blockPublicAcls(bool(value.get("BlockPublicAcls")))
                                .blockPublicPolicy(bool(value.get("BlockPublicPolicy")))
                                .ignorePublicAcls(bool(value.get("IgnorePublicAcls")))
                                .restrictPublicBuckets(bool(value.get("RestrictPublicBuckets")))));
                case "OwnershipControls" -> s3.putBucketOwnershipControls(b -> b.bucket(bucket).ownershipControls(c -> c
                        .rules(list(value.get("Rules")).stream().map(r -> OwnershipControlsRule.builder()
                                .objectOwnership(ObjectOwnership.fromValue(text(r, "ObjectOwnership"))).build()).toList())));
                case "LoggingConfiguration" -> s3.putBucketLogging(b -> b.bucket(bucket)
                        .bucketLoggingStatus(st -> st.loggingEnabled(logging(value))));
                case "LifecycleConfiguration" -> s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket)
                        .lifecycleConfiguration(BucketLifecycleConfiguration.builder()
                                .rules(list(value.get("Rules")).stream().map(LocalStackBuckets::rule).toList()).build()));
                default -> {
                    if (!APPLIED_BY_LOCALSTACK.contains(name)) {
                        throw new IllegalStateException("AWS::S3::Bucket property " + name + " is applied neither by "
                                + "LocalStack's CloudFormation nor by LocalStackBuckets: add it there");
                    }
                }
            }
        }
    }

    private static final Set<String> LOGGING_KEYS = Set.of("DestinationBucketName", "LogFilePrefix",
            "TargetObjectKeyFormat");

    private static LoggingEnabled logging(Map<?, ?> value) {
        List<Object> unknown = new ArrayList<>(value.keySet());
        unknown.removeAll(LOGGING_KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("logging configuration keys " + unknown + " not mapped in LocalStackBuckets");
        }
        LoggingEnabled.Builder b = LoggingEnabled.builder().targetBucket(text(value, "DestinationBucketName"))
                // CloudFormation's LogFilePrefix is optional, S3's TargetPrefix is not: an absent one is empty.
                .targetPrefix(value.containsKey("LogFilePrefix") ? text(value, "LogFilePrefix") : "");
        Map<?, ?> format = map(value.get("TargetObjectKeyFormat"));
        if (format.containsKey("PartitionedPrefix")) {
            b.targetObjectKeyFormat(f -> f.partitionedPrefix(p -> p.partitionDateSource(
                    text(format.get("PartitionedPrefix"), "PartitionDateSource"))));
        } else if (format.containsKey("SimplePrefix")) {
            b.targetObjectKeyFormat(f -> f.simplePrefix(SimplePrefix.builder().build()));
        }
        return b.build();
    }

    private static final Set<String> RULE_KEYS = Set.of("Id", "Status", "Prefix", "ExpirationInDays",
            "NoncurrentVersionExpiration", "AbortIncompleteMultipartUpload");

    private static LifecycleRule rule(Object node) {
        Map<?, ?> r = map(node);
        List<Object> unknown = new ArrayList<>(r.keySet());
        unknown.removeAll(RULE_KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("lifecycle rule keys " + unknown + " not mapped in LocalStackBuckets");
        }
        LifecycleRule.Builder b = LifecycleRule.builder().id(text(r, "Id"))
                .status(ExpirationStatus.fromValue(text(r, "Status")))
                // CloudFormation sends a rule without Prefix as one for the whole bucket (an empty prefix filter).
                .filter(LifecycleRuleFilter.builder().prefix(r.containsKey("Prefix") ? text(r, "Prefix") : "").build());
        if (r.containsKey("ExpirationInDays")) {
            b.expiration(LifecycleExpiration.builder().days(integer(r.get("ExpirationInDays"))).build());
        }
        if (r.containsKey("NoncurrentVersionExpiration")) {
            b.noncurrentVersionExpiration(NoncurrentVersionExpiration.builder()
                    .noncurrentDays(integer(map(r.get("NoncurrentVersionExpiration")).get("NoncurrentDays"))).build());
        }
        if (r.containsKey("AbortIncompleteMultipartUpload")) {
            b.abortIncompleteMultipartUpload(AbortIncompleteMultipartUpload.builder()
                    .daysAfterInitiation(integer(map(r.get("AbortIncompleteMultipartUpload")).get("DaysAfterInitiation"))).build());
        }
        return b.build();
    }

    private static Map<?, ?> map(Object node) {
        return node instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object node) {
        return node instanceof List<?> l ? l : List.of();
    }

    private static String text(Object node, String key) {
        Object v = map(node).get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static Boolean bool(Object v) {
        return v == null ? null : Boolean.valueOf(String.valueOf(v));
    }

    private static Integer integer(Object v) {
        return v == null ? null : Integer.valueOf(String.valueOf(v));
    }
}
