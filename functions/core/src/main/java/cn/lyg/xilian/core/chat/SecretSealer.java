package cn.lyg.xilian.core.chat;

/**
 * Encryption at rest of the robots' credentials (the webhook URL carries a token, the signing secret is one): what
 * is stored is only ever the sealed text. In AWS a KMS key seals (the API function may only encrypt, the jobs may
 * only decrypt); the local run seals with a key file of its own.
 *
 * <p>{@code context} binds a sealed value to what it belongs to (e.g. {@code robot:unit:ganyu:webhook}): a value
 * copied onto another audience's item, or swapped between the webhook and the secret, does not open.
 */
public interface SecretSealer {

    String seal(String plain, String context);

    /** @throws SealedValueException when the value is not one this sealer made for {@code context} */
    String open(String sealed, String context);

    /** A sealed value that does not open (wrong key, wrong context, altered). Never carries the value. */
    final class SealedValueException extends RuntimeException {
        public SealedValueException(String message, Throwable cause) {
            super(message, cause);
        }

        public SealedValueException(String message) {
            super(message);
        }
    }
}
