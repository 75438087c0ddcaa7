package cn.lyg.xilian.chat;

import cn.lyg.xilian.core.chat.ChatDeliveryException;
import cn.lyg.xilian.core.chat.ChatMessage;
import cn.lyg.xilian.core.chat.ChatRobot;
import cn.lyg.xilian.core.chat.ChatVendor;
import cn.lyg.xilian.testkit.chat.RobotStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The HTTP sender against a local stub of each vendor: requests, signatures, and every error code of the issue. */
class HttpChatTransportTest {

    private static final ChatMessage MESSAGE = new ChatMessage("督办提醒：市发改委 2026-12-01",
            "### 督办提醒：市发改委 2026-12-01\n红灯 **1** 项\n- [1.2 任务](https://xilian.example.cn/tasks/1.2)");
    private static final String DING_SECRET = "SECd4b3a1f0c2e5";
    private static final String FEISHU_SECRET = "feishu-secret-42";

    private final List<RobotStub> stubs = new ArrayList<>();
    private final HttpChatTransport transport = new HttpChatTransport(Clock.systemUTC());

    private <S extends RobotStub> S stub(S stub) {
        stubs.add(stub);
        return stub;
    }

    @AfterEach
    void stop() {
        stubs.forEach(RobotStub::close);
    }

    private ChatRobot robot(ChatVendor vendor) {
        return switch (vendor) {
            case WECOM -> new ChatRobot(vendor, stub(new RobotStub.Wecom("wecom-key-1")).webhook(), null);
            case DINGTALK -> new ChatRobot(vendor, stub(new RobotStub.Dingtalk("ding-token-1", DING_SECRET)).webhook(),
                    DING_SECRET);
            case FEISHU -> new ChatRobot(vendor, stub(new RobotStub.Feishu("feishu-hook-1", FEISHU_SECRET)).webhook(),
                    FEISHU_SECRET);
        };
    }

    @Test
    void eachVendorTakesTheMarkdownSignedAsItChecksIt() {
        for (ChatVendor vendor : ChatVendor.values()) {
            ChatRobot robot = robot(vendor);
            transport.send(robot, MESSAGE);
            RobotStub.Received received = stubs.getLast().received().getFirst();
            assertThat(received.markdown()).as(vendor.name()).isEqualTo(MESSAGE.markdown());
            if (vendor != ChatVendor.WECOM) {
                assertThat(received.title()).as(vendor.name()).isEqualTo(MESSAGE.title());
            }
        }
        assertThat(stubs.get(2).received().getFirst().body()).as("飞书: an interactive card with a markdown element")
                .contains("\"msg_type\":\"interactive\"").contains("\"tag\":\"markdown\"").contains("\"sign\":\"");
    }

    @Test
    void aWrongSecretIsRefusedByTheSignedVendorsWithoutShowingTheUrlOrSecret() {
        RobotStub.Dingtalk ding = stub(new RobotStub.Dingtalk("ding-token-2", DING_SECRET));
        RobotStub.Feishu feishu = stub(new RobotStub.Feishu("feishu-hook-2", FEISHU_SECRET));
        ChatDeliveryException d = catchThrowableOfType(ChatDeliveryException.class,
                () -> transport.send(new ChatRobot(ChatVendor.DINGTALK, ding.webhook(), "SECwrong"), MESSAGE));
        ChatDeliveryException f = catchThrowableOfType(ChatDeliveryException.class,
                () -> transport.send(new ChatRobot(ChatVendor.FEISHU, feishu.webhook(), "wrong"), MESSAGE));

        assertThat(d.kind()).isEqualTo(ChatDeliveryException.Kind.REFUSED);
        assertThat(d.code()).isEqualTo("310000");
        assertThat(f.kind()).isEqualTo(ChatDeliveryException.Kind.REFUSED);
        assertThat(f.code()).isEqualTo("19021");
        for (ChatDeliveryException e : List.of(d, f)) {
            assertThat(e.getMessage()).doesNotContain("token", "hook-2", "SECwrong", "127.0.0.1", "sign=");
        }
        assertThat(ding.received()).isEmpty();
        assertThat(feishu.received()).isEmpty();
    }

    @Test
    void aTimestampOutsideTheVendorsHourIsRefused() {
        RobotStub.Dingtalk ding = stub(new RobotStub.Dingtalk("ding-token-3", DING_SECRET));
        ding.clock(() -> Instant.now().plus(Duration.ofMinutes(61))); // the vendor's clock is an hour ahead
        assertThatThrownBy(() -> transport.send(new ChatRobot(ChatVendor.DINGTALK, ding.webhook(), DING_SECRET), MESSAGE))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.code()).isEqualTo("310000"));

        RobotStub.Feishu feishu = stub(new RobotStub.Feishu("feishu-hook-3", FEISHU_SECRET));
        HttpChatTransport late = new HttpChatTransport(Clock.fixed(Instant.now().minus(Duration.ofMinutes(61)),
                ZoneOffset.UTC));
        assertThatThrownBy(() -> late.send(new ChatRobot(ChatVendor.FEISHU, feishu.webhook(), FEISHU_SECRET), MESSAGE))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.code()).isEqualTo("19021"));
    }

    /** Each error code of the issue, answered once by the stub, then the robot takes the message again. */
    @ParameterizedTest
    @CsvSource({
            "WECOM, 40058, REFUSED",
            "WECOM, 45009, RETRY_LATER",
            "DINGTALK, 130101, RETRY_LATER",
            "DINGTALK, 310000, REFUSED",
            "FEISHU, 9499, RETRY_LATER"})
    void eachErrorCodeIsReadAsRetryLaterOrRefused(ChatVendor vendor, int code, ChatDeliveryException.Kind kind) {
        ChatRobot robot = robot(vendor);
        RobotStub stub = stubs.getLast();
        stub.answerNext(code, 1);

        ChatDeliveryException e = catchThrowableOfType(ChatDeliveryException.class, () -> transport.send(robot, MESSAGE));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.code()).isEqualTo(Integer.toString(code));
        assertThat(e.getMessage()).startsWith(vendor + " " + code).doesNotContain("hint", "http");
        assertThat(stub.received()).isEmpty();

        transport.send(robot, MESSAGE);
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aServerErrorIsRetryLater() {
        ChatRobot robot = robot(ChatVendor.WECOM);
        stubs.getLast().statusNext(503, 1);
        assertThatThrownBy(() -> transport.send(robot, MESSAGE)).isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
            assertThat(e.kind()).isEqualTo(ChatDeliveryException.Kind.RETRY_LATER);
            assertThat(e.code()).isEqualTo("http-503");
        });
    }

    @Test
    void aStalledRobotFailsInBoundedTimeAsRetryLater() {
        ChatRobot robot = robot(ChatVendor.FEISHU);
        stubs.getLast().stallNext(1);
        HttpChatTransport impatient = new HttpChatTransport(Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofMillis(500));
        assertThatThrownBy(() -> impatient.send(robot, MESSAGE)).isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
            assertThat(e.kind()).isEqualTo(ChatDeliveryException.Kind.RETRY_LATER);
            assertThat(e.code()).isEqualTo("timeout");
            assertThat(e.getMessage()).doesNotContain("feishu-hook");
        });
    }

    @Test
    void anUnreachableRobotIsRetryLater() {
        RobotStub.Wecom gone = new RobotStub.Wecom("k");
        String webhook = gone.webhook();
        gone.close();
        assertThatThrownBy(() -> transport.send(new ChatRobot(ChatVendor.WECOM, webhook, null), MESSAGE))
                .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ChatDeliveryException.Kind.RETRY_LATER);
                    assertThat(e.code()).isEqualTo("network");
                });
    }

    @Test
    void aFeishuBodyOver20KbIsRefusedBeforeSending() {
        ChatRobot robot = robot(ChatVendor.FEISHU);
        ChatMessage huge = new ChatMessage("t", "说明".repeat(4000));
        assertThatThrownBy(() -> transport.send(robot, huge)).isInstanceOfSatisfying(ChatDeliveryException.class,
                e -> assertThat(e.code()).isEqualTo("too-long"));
        assertThat(stubs.getLast().requests()).isZero();
    }
}
