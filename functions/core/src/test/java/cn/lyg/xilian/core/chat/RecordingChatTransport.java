package cn.lyg.xilian.core.chat;

import cn.lyg.xilian.core.alert.Audience;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records what each robot took; can be told to fail the next sends with a vendor's code. For use-case tests. */
public final class RecordingChatTransport implements ChatTransport {

    public record Posted(ChatRobot robot, ChatMessage message) {
    }

    public final List<Posted> posted = new ArrayList<>();
    private final Deque<ChatDeliveryException> failures = new ArrayDeque<>();

    /** The next {@code times} sends fail with the vendor's "too fast" code. */
    public RecordingChatTransport throttleNext(int times) {
        for (int i = 0; i < times; i++) {
            failures.add(new ChatDeliveryException(ChatDeliveryException.Kind.RETRY_LATER, "45009", "WECOM 45009 api freq out of limit"));
        }
        return this;
    }

    /** The next {@code times} sends are refused (a bad signature). */
    public RecordingChatTransport refuseNext(int times) {
        for (int i = 0; i < times; i++) {
            failures.add(new ChatDeliveryException(ChatDeliveryException.Kind.REFUSED, "310000", "DINGTALK 310000 sign not match"));
        }
        return this;
    }

    @Override
    public void send(ChatRobot robot, ChatMessage message) {
        ChatDeliveryException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        posted.add(new Posted(robot, message));
    }

    public List<ChatMessage> to(ChatRobot robot) {
        return posted.stream().filter(p -> p.robot().equals(robot)).map(Posted::message).toList();
    }

    /** Robots by audience, changeable during a test (a coordinator adds or removes one). */
    public static ChatRobots robots(Map<Audience, ChatRobot> byAudience) {
        return audience -> Optional.ofNullable(byAudience.get(audience));
    }

    public static ChatChannel channel(Map<Audience, ChatRobot> byAudience, ChatTransport transport,
                                      java.time.Clock clock) {
        return new ChatChannel(robots(byAudience), transport, new ChatRateLimiter(clock),
                new ChatComposer("https://xilian.example.cn"));
    }
}
