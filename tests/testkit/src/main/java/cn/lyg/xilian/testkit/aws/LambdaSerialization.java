package cn.lyg.xilian.testkit.aws;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Event JSON to event object and back with the managed Java runtime's own serializers
 * (aws-lambda-java-serialization, which the runtime uses for {@code com.amazonaws.services.lambda.runtime.events}
 * classes when the function brings no custom serializer), so a handler test sees exactly the objects the
 * runtime would build.
 */
public final class LambdaSerialization {

    private LambdaSerialization() {
    }

    public static <T> T read(String json, Class<T> type) {
        PojoSerializer<T> s = LambdaEventSerializers.serializerFor(type, type.getClassLoader());
        return s.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    public static <T> String write(T value) {
        Class<T> type = (Class<T>) value.getClass();
        PojoSerializer<T> s = LambdaEventSerializers.serializerFor(type, type.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
