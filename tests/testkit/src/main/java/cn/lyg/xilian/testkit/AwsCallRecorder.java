package cn.lyg.xilian.testkit;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records the AWS API calls a function makes, as IAM action names ({@code dynamodb:GetItem}), so a function's
 * tests can check them against the function's declared call list ({@code aws-calls.txt} next to its pom),
 * which tests/deploy in turn compares with the function's policy in template.yaml.
 *
 * <p>Activated as an SDK global interceptor: list this class in
 * {@code src/test/resources/software/amazon/awssdk/global/handlers/execution.interceptors} of the function
 * module (test resources only, so production clients never carry it). Only calls made inside
 * {@link #during} are recorded, so test set-up (CreateTable, plan load, issuing credentials) does not count.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {

    private static final Set<String> CALLS = Collections.synchronizedSet(new TreeSet<>());
    private static final List<String> LAST = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean RECORDING = new AtomicBoolean();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (RECORDING.get()) {
            String action = action(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            CALLS.add(action);
            LAST.add(action);
        }
    }

    /** "DynamoDb" + "GetItem" → "dynamodb:GetItem"; "Ses" + "SendRawEmail" → "ses:SendRawEmail". */
    static String action(String serviceName, String operationName) {
        return serviceName.toLowerCase(Locale.ROOT) + ":" + operationName;
    }

    /** Runs the action with recording on (not reentrant across threads: tests call handlers one at a time). */
    public static <T> T during(Callable<T> action) {
        LAST.clear();
        RECORDING.set(true);
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            RECORDING.set(false);
        }
    }

    /** The calls of the latest {@link #during}, in order and each time it was made (exact call counts). */
    public static List<String> lastCalls() {
        return List.copyOf(LAST);
    }

    /** Everything recorded so far in this JVM, sorted. */
    public static Set<String> recorded() {
        synchronized (CALLS) {
            return Set.copyOf(CALLS);
        }
    }

    /**
     * The calls a function module declares in {@code functions/<module>/aws-calls.txt} (one IAM action a
     * line, # comments), which tests/deploy compares with the function's policy.
     */
    public static Set<String> declared(String functionModule) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("functions").resolve(functionModule).resolve("aws-calls.txt");
        Set<String> calls = new TreeSet<>();
        for (String line : java.nio.file.Files.readAllLines(file)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                calls.add(s.split("\\s+")[0]); // "<action> when <Parameter>=<value>": the action
            }
        }
        return calls;
    }
}
