package cn.lyg.xilian.kms;

import cn.lyg.xilian.core.chat.SecretSealer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.kms.model.KmsException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The sealer in AWS: KMS Encrypt and Decrypt with the stack's customer-managed key (template.yaml ChatSealingKey).
 * The context goes in as the encryption context ({@code {"xilian:purpose": "robot:<audience>:webhook"}}), so a
 * ciphertext opens only for the audience and part it was made for, and CloudTrail names them. The API function's
 * role may only Encrypt, the jobs' may only Decrypt. A robot's values are far under KMS's 4 KB plaintext limit, so
 * no envelope encryption is needed. A sealed value is {@code kms:} and the base64 of the ciphertext blob.
 */
public final class KmsSealer implements SecretSealer, AutoCloseable {

    public static final String PREFIX = "kms:";
    static final String CONTEXT_KEY = "xilian:purpose";

    private final KmsClient client;
    private final String keyId;

    public KmsSealer(KmsClient client, String keyId) {
        this.client = client;
        this.keyId = keyId;
    }

    /** Built once per function instance: url-connection HTTP client, endpoint from configuration (LocalStack). */
    public static KmsSealer of(String keyId, String region, Optional<URI> endpointOverride) {
        KmsClientBuilder builder = KmsClient.builder().region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpointOverride.ifPresent(builder::endpointOverride);
        return new KmsSealer(builder.build(), keyId);
    }

    @Override
    public String seal(String plain, String context) {
        byte[] blob = client.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromString(plain, StandardCharsets.UTF_8))
                .encryptionContext(Map.of(CONTEXT_KEY, context))).ciphertextBlob().asByteArray();
        return PREFIX + Base64.getEncoder().encodeToString(blob);
    }

    @Override
    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new SealedValueException("not sealed with KMS");
        }
        try {
            byte[] blob = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            // keyId named too: a ciphertext of another key is refused rather than decrypted with it
            return client.decrypt(b -> b.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(blob))
                    .encryptionContext(Map.of(CONTEXT_KEY, context))).plaintext().asUtf8String();
        } catch (IllegalArgumentException e) {
            throw new SealedValueException("not base64", e);
        } catch (KmsException e) {
            // the SDK's message names the error code, never the plaintext
            throw new SealedValueException("KMS refused to decrypt: " + e.awsErrorDetails().errorCode(), e);
        } catch (SdkException e) {
            throw new SealedValueException("KMS unreachable: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
