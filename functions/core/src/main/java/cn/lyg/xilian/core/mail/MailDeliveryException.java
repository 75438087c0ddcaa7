package cn.lyg.xilian.core.mail;

/** A transport could not hand over an email; the alerts in it stay pending. */
public class MailDeliveryException extends RuntimeException {
    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
