package cn.lyg.xilian.core.chat;

import cn.lyg.xilian.core.alert.AlertChat;
import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.chat.outcome.ChatOutcome;
import cn.lyg.xilian.core.report.SummaryChat;
import cn.lyg.xilian.core.report.UnitDigest;
import cn.lyg.xilian.core.report.WeeklySummary;
import cn.lyg.xilian.core.supervision.ReturnChat;
import cn.lyg.xilian.core.supervision.ReturnNotice;

import java.util.Optional;
import java.util.function.Function;

/**
 * The one way the use cases post to group chats: the audience's robot (from {@link ChatRobots}), the per-robot
 * limit ({@link ChatRateLimiter}), the message composed for the robot's vendor, the transport; every failure turned
 * into a {@link ChatOutcome}, so chat can never stop or fail the email beside it. The caller marks its records on
 * {@link ChatOutcome#sent()} only. It implements the use cases' chat ports, each composing its message here.
 */
public final class ChatChannel implements AlertChat, SummaryChat, ReturnChat {

    private final ChatRobots robots;
    private final ChatTransport transport;
    private final ChatRateLimiter limiter;
    private final ChatComposer composer;

    public ChatChannel(ChatRobots robots, ChatTransport transport, ChatRateLimiter limiter, ChatComposer composer) {
        this.robots = robots;
        this.transport = transport;
        this.limiter = limiter;
        this.composer = composer;
    }

    @Override
    public ChatOutcome post(AlertDigest digest) {
        return post(digest.audience(), digest.lines().size(), vendor -> composer.alerts(vendor, digest));
    }

    @Override
    public ChatOutcome postSummary(WeeklySummary summary) {
        return post(Audience.COORDINATORS, summary.redItems().size(), vendor -> composer.weekly(vendor, summary));
    }

    @Override
    public ChatOutcome postDigest(UnitDigest digest) {
        return post(Audience.unit(digest.unitId()), digest.pairs().size(), vendor -> composer.unitWeekly(vendor, digest));
    }

    @Override
    public boolean unitHasRobot(String unitId) {
        return hasRobot(Audience.unit(unitId));
    }

    @Override
    public ChatOutcome post(ReturnNotice notice) {
        return post(Audience.unit(notice.review().unitId()), 1, vendor -> composer.returned(vendor, notice));
    }

    /** Read the robots again (each job run starts with this). */
    public void refresh() {
        robots.refresh();
    }

    public Optional<ChatRobot> robotOf(Audience audience) {
        return robots.robotOf(audience);
    }

    @Override
    public boolean hasRobot(Audience audience) {
        return robots.robotOf(audience).isPresent();
    }

    /**
     * Composes and posts one message to the audience's robot.
     *
     * @return {@code DROPPED} when the audience has no robot (any more); otherwise what the robot did
     */
    public ChatOutcome post(Audience audience, int items, Function<ChatVendor, ChatMessage> compose) {
        Optional<ChatRobot> robot = robots.robotOf(audience);
        if (robot.isEmpty()) {
            return new ChatOutcome(audience.key(), ChatOutcome.Kind.DROPPED, items, "no robot");
        }
        if (!limiter.tryAcquire(robot.get())) {
            return new ChatOutcome(audience.key(), ChatOutcome.Kind.DEFERRED, items, "20 a minute reached");
        }
        try {
            transport.send(robot.get(), compose.apply(robot.get().vendor()));
            return new ChatOutcome(audience.key(), ChatOutcome.Kind.SENT, items, null);
        } catch (ChatDeliveryException e) {
            if (e.kind() == ChatDeliveryException.Kind.RETRY_LATER) {
                limiter.pause(robot.get());
                return new ChatOutcome(audience.key(), ChatOutcome.Kind.RETRY_LATER, items,
                        robot.get().vendor() + " " + e.code() + " " + e.getMessage());
            }
            return new ChatOutcome(audience.key(), ChatOutcome.Kind.REFUSED, items,
                    robot.get().vendor() + " " + e.code() + " " + e.getMessage());
        } catch (RuntimeException e) {
            // A composing bug or an unexpected transport failure: reported, pending, never thrown into the email path.
            return new ChatOutcome(audience.key(), ChatOutcome.Kind.REFUSED, items, e.getClass().getSimpleName());
        }
    }
}
