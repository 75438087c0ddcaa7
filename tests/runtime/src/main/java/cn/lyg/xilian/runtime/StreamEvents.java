package cn.lyg.xilian.runtime;

import java.util.List;

/**
 * DynamoDB Streams events as Lambda's event source mapping delivers them (the AWS documentation's sample shape),
 * for a table whose stream view is KEYS_ONLY: no images, only the keys.
 */
public final class StreamEvents {

    public static final String STREAM_ARN =
            "arn:aws:dynamodb:us-east-1:000000000000:table/xilian/stream/2026-12-01T00:00:00.000";

    private StreamEvents() {
    }

    /** One INSERT record of a KEYS_ONLY stream: eventID, keys, sequence number, size, as Lambda passes them on. */
    public static String keysOnlyInsert(String sequenceNumber, String pk, String sk) {
        return """
                {"eventID":"7de3041dd709b024af6f29e4fa13d34c-%s","eventName":"INSERT","eventVersion":"1.1",\
                "eventSource":"aws:dynamodb","awsRegion":"us-east-1",\
                "dynamodb":{"ApproximateCreationDateTime":1764554400,"Keys":{"pk":{"S":"%s"},"sk":{"S":"%s"}},\
                "SequenceNumber":"%s","SizeBytes":112,"StreamViewType":"KEYS_ONLY"},\
                "eventSourceARN":"%s"}""".formatted(sequenceNumber, pk, sk, sequenceNumber, STREAM_ARN);
    }

    /** The batch Lambda invokes the function with ({@code Records}). */
    public static String batch(String... records) {
        return "{\"Records\":[" + String.join(",", List.of(records)) + "]}";
    }
}
