package cn.lyg.xilian.core.mail;

/** Hands a finished email to a mail system. */
public interface MailTransport {

    /**
     * Sends the message, or throws: returning normally means the mail system accepted it.
     *
     * @throws MailDeliveryException when it was not accepted
     */
    void send(OutgoingEmail email);
}
