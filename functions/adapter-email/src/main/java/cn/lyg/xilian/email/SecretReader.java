package cn.lyg.xilian.email;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads a secret's string with one signed Secrets Manager {@code GetSecretValue} call (JSON protocol, SigV4,
 * credentials from the default chain = the function's role). Hand-made rather than the SDK's secretsmanager module
 * (+0.7 MB): the job functions' jar is near its 20 MiB budget, and this is the only call. The region and partition
 * come from the secret's ARN, or for a name from the function's region, so the same code serves aws and aws-cn. The value is never logged; errors name the
 * secret and the HTTP status only.
 */
public final class SecretReader {

    private final String region;
    private final SdkHttpClient http;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    /** null: the regional endpoint of the secret's ARN */
    private final URI endpoint;

    SecretReader(String region, SdkHttpClient http, IdentityProvider<? extends AwsCredentialsIdentity> credentials,
                 URI endpoint) {
        this.region = region;
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
    }

    /**
     * @param region   of a secret given by name (the function's own); an ARN names its region itself
     * @param endpoint a local Secrets Manager API (tests), or null
     */
    public static SecretReader create(String region, URI endpoint) {
        return new SecretReader(region, UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(10)).build(), DefaultCredentialsProvider.builder().build(), endpoint);
    }

    /** The SecretString of a secret given by name or ARN; fails (the context does not start) when it cannot be read. */
    public String read(String secretId) {
        String[] arn = secretId.split(":", 7);
        boolean isArn = secretId.startsWith("arn:");
        if (isArn && (arn.length < 7 || !"secretsmanager".equals(arn[2]))) {
            throw new IllegalArgumentException("not a Secrets Manager secret ARN: " + secretId);
        }
        if (!isArn && (secretId.isBlank() || region == null)) {
            throw new IllegalArgumentException("a secret name needs a region: " + secretId);
        }
        String regionOfSecret = isArn ? arn[3] : region;
        boolean china = isArn ? arn[1].equals("aws-cn") : regionOfSecret.startsWith("cn-");
        URI uri = endpoint != null ? endpoint
                : URI.create("https://secretsmanager." + regionOfSecret + (china ? ".amazonaws.com.cn" : ".amazonaws.com"));
        String secretArn = secretId;
        byte[] body = ("{\"SecretId\":\"" + secretArn.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "secretsmanager.GetSecretValue")
                .putHeader("Content-Length", String.valueOf(body.length)).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveIdentity().join())
                .request(request).payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                .putProperty(AwsV4HttpSigner.REGION_NAME, regionOfSecret));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            byte[] answer;
            try (InputStream in = response.responseBody().orElseThrow(() -> new IOException("no body"))) {
                answer = in.readAllBytes();
            }
            if (!response.httpResponse().isSuccessful()) {
                throw new IllegalStateException("Secrets Manager refused GetSecretValue of " + secretArn + ": HTTP "
                        + response.httpResponse().statusCode());
            }
            JsonNode value = JsonNode.parser().parse(new String(answer, StandardCharsets.UTF_8)).field("SecretString")
                    .orElseThrow(() -> new IllegalStateException("secret " + secretArn + " has no SecretString"));
            return value.asString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secret " + secretArn, e);
        }
    }
}
