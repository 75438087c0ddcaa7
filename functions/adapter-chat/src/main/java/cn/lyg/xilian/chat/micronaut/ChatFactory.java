package cn.lyg.xilian.chat.micronaut;

import cn.lyg.xilian.chat.HttpChatTransport;
import cn.lyg.xilian.core.chat.ChatChannel;
import cn.lyg.xilian.core.chat.ChatComposer;
import cn.lyg.xilian.core.chat.ChatRateLimiter;
import cn.lyg.xilian.core.chat.ChatRobots;
import cn.lyg.xilian.core.chat.ChatTransport;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The group-chat channel of the jobs: the HTTP transport, one rate limiter per function instance, the composer on the
 * public base URL, and the robots 群机器人 configured ({@link ChatRobots}, the jobs' DirectoryRobots).
 */
@Factory
public class ChatFactory {

    @Singleton
    ChatTransport chatTransport(Clock clock) {
        return new HttpChatTransport(clock);
    }

    @Singleton
    ChatChannel chatChannel(ChatRobots robots, ChatTransport transport, Clock clock,
                            @Property(name = "xilian.base-url") String baseUrl) {
        return new ChatChannel(robots, transport, new ChatRateLimiter(clock), new ChatComposer(baseUrl));
    }
}
