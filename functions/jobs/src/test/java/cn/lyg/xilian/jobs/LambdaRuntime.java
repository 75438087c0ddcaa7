package cn.lyg.xilian.jobs;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * What the Lambda Java runtime (aws-lambda-java-runtime-interface-client) does around a {@link RequestHandler}:
 * it looks for exactly one {@link CustomPojoSerializer} with {@link ServiceLoader} in the function's class
 * loader (more than one is an error), takes the handler's declared input and output types from its
 * {@code RequestHandler<I, O>} type arguments, reads the event with {@code fromJson(stream, I)}, calls
 * {@code handleRequest}, and writes the result with {@code toJson(value, stream, O)}.
 *
 * <p>With micronaut-aws-lambda-events-serde on the class path that serializer is its
 * {@code SerdeCustomPojoSerializer}: a standalone Micronaut Serialization mapper, not the handler's context.
 */
final class LambdaRuntime {

    private LambdaRuntime() {
    }

    /** The runtime's lookup: every provider of the class path, which must be exactly one. */
    static List<CustomPojoSerializer> serializers() {
        List<CustomPojoSerializer> found = new ArrayList<>();
        ServiceLoader.load(CustomPojoSerializer.class, LambdaRuntime.class.getClassLoader()).forEach(found::add);
        return found;
    }

    static CustomPojoSerializer serializer() {
        List<CustomPojoSerializer> found = serializers();
        if (found.size() != 1) {
            throw new IllegalStateException("the Lambda runtime needs exactly one CustomPojoSerializer, found " + found);
        }
        return found.getFirst();
    }

    /** {@code RequestHandler<I, O>} type arguments of a handler class extending MicronautRequestHandler<I, O>. */
    static Type[] handlerTypes(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType p && p.getActualTypeArguments().length == 2) {
                return p.getActualTypeArguments();
            }
        }
        throw new IllegalArgumentException(handlerClass + " declares no <I, O>");
    }

    static Object readInput(Class<?> handlerClass, String json) {
        return serializer().fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                handlerTypes(handlerClass)[0]);
    }

    static String writeOutput(Class<?> handlerClass, Object output) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer().toJson(output, out, handlerTypes(handlerClass)[1]);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One invocation as the runtime performs it: JSON event in, JSON result out. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static String invoke(RequestHandler handler, String eventJson) {
        Object input = readInput(handler.getClass(), eventJson);
        Object output = handler.handleRequest(input, new TestContext());
        return writeOutput(handler.getClass(), output);
    }

    /** A minimal Lambda context. */
    static final class TestContext implements Context {
        @Override public String getAwsRequestId() { return "test-request-1"; }
        @Override public String getLogGroupName() { return "/aws/lambda/test"; }
        @Override public String getLogStreamName() { return "test"; }
        @Override public String getFunctionName() { return "test"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws-cn:lambda:cn-north-1:123456789012:function:test"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 60_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.out.print(message); }
                @Override public void log(byte[] message) { System.out.print(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
