package cn.lyg.xilian.core.chat;

/** Posts one message to one group robot (functions/adapter-chat: HTTP to the vendor's webhook). */
public interface ChatTransport {

    /**
     * Returns when the robot accepted the message (the vendor answered code 0).
     *
     * @throws ChatDeliveryException when it did not: {@link ChatDeliveryException.Kind#RETRY_LATER} or
     *                               {@link ChatDeliveryException.Kind#REFUSED}
     */
    void send(ChatRobot robot, ChatMessage message);
}
