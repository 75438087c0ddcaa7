package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.alert.AlertRecord;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.Finding;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoAlertRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:30:00.123Z");
    @RegisterExtension
    static final TestTable table = TestTable.perClass();
    private static DynamoAlertRepository alerts;

    @BeforeAll
    static void repositories() {
        alerts = new DynamoAlertRepository(table.client, table.settings);
    }

    private static AlertRecord alert(int year, String task, String occurrence, Audience... audiences) {
        Finding f = new Finding(year, task, "ganyu", Rule.APPROACHING, Light.YELLOW, occurrence,
                "距截止还有7天，进度40%", LocalDate.of(2026, 12, 1));
        return AlertRecord.newlyFound(f, Set.of(audiences), NOW);
    }

    @Test
    void theSameAlertIsRecordedOnceAcrossRuns() {
        AlertRecord first = alert(2030, "1.2", "lead-7", Audience.unit("ganyu"));
        assertThat(alerts.recordIfAbsent(first)).isTrue();
        // a second run finds the same (task, unit, rule, occurrence), with another reason text and time
        Finding again = new Finding(2030, "1.2", "ganyu", Rule.APPROACHING, Light.YELLOW, "lead-7", "other",
                LocalDate.of(2026, 12, 2));
        assertThat(alerts.recordIfAbsent(AlertRecord.newlyFound(again, Set.of(Audience.unit("ganyu")),
                NOW.plusSeconds(86400)))).isFalse();
        assertThat(alerts.recordIfAbsent(alert(2030, "1.2", "lead-3", Audience.unit("ganyu")))).isTrue();

        assertThat(alerts.pending(2030)).extracting(AlertRecord::key)
                .containsExactly("2030|1.2|ganyu|APPROACHING|lead-3", "2030|1.2|ganyu|APPROACHING|lead-7");
        AlertRecord stored = alerts.pending(2030).get(1);
        assertThat(stored.finding()).isEqualTo(first.finding());
        assertThat(stored.recordedAt()).isEqualTo(NOW);
    }

    /** The group-chat channel: its own attributes, its own pending state; the item leaves the index when neither waits. */
    @Test
    void chatIsPendingOnItsOwnAndTheItemLeavesTheIndexOnlyWhenBothChannelsAreDone() {
        Finding f = new Finding(2034, "3.1.1", "ganyu", Rule.OVERDUE, Light.RED, "overdue-1", "已逾期1天",
                LocalDate.of(2026, 12, 1));
        // recorded while only the coordinators had a robot
        AlertRecord a = AlertRecord.newlyFound(f, Set.of(Audience.unit("ganyu"), Audience.COORDINATORS),
                Audience::isCoordinators, NOW);
        alerts.recordIfAbsent(a);
        Map<String, AttributeValue> stored = item(a);
        assertThat(stored.get("chatTo").ss()).containsExactly("coordinators");
        assertThat(stored.get("chatPendingTo").ss()).containsExactly("coordinators");
        assertThat(stored.get("chatSent").m()).isEmpty();

        alerts.markDelivered(a.key(), Audience.COORDINATORS, NOW);
        alerts.markDelivered(a.key(), Audience.unit("ganyu"), NOW);
        assertThat(alerts.pending(2034)).as("email done, chat still waiting").singleElement().satisfies(p -> {
            assertThat(p.pendingAudiences()).isEmpty();
            assertThat(p.pendingChatAudiences()).containsExactly(Audience.COORDINATORS);
        });

        alerts.markChatDelivered(a.key(), Audience.COORDINATORS, NOW.plusSeconds(60));
        alerts.markChatDelivered(a.key(), Audience.COORDINATORS, NOW.plusSeconds(120)); // a retry keeps the first time
        assertThat(alerts.pending(2034)).isEmpty();
        Map<String, AttributeValue> done = item(a);
        assertThat(done).doesNotContainKeys("gsi2pk", "gsi2sk", "pendingTo", "chatPendingTo");
        assertThat(done.get("chatSent").m()).containsExactly(
                Map.entry("coordinators", AttributeValue.fromS("2026-12-01T00:31:00.123Z")));
    }

    @Test
    void anAlertWithoutRobotsIsStoredAsBeforeAndCannotBeMarkedForChat() {
        AlertRecord a = alert(2035, "1.1", "lead-7", Audience.unit("ganyu"));
        alerts.recordIfAbsent(a);
        assertThat(item(a)).doesNotContainKeys("chatTo", "chatPendingTo", "chatSent");

        alerts.markChatDelivered(a.key(), Audience.unit("ganyu"), NOW); // no chat channel on it: nothing changes
        assertThat(item(a)).doesNotContainKeys("chatTo", "chatPendingTo", "chatSent");
        assertThat(alerts.pending(2035)).singleElement()
                .satisfies(p -> assertThat(p.pendingChatAudiences()).isEmpty());
    }

    private static Map<String, AttributeValue> item(AlertRecord a) {
        return table.client.getItem(GetItemRequest.builder().tableName(table.settings.tableName()).consistentRead(true)
                .key(DynamoAlertRepository.keyOf(a.key())).build()).item();
    }

    @Test
    void stayPendingUntilEveryAudienceIsMarkedAndThenLeaveTheIndex() {
        AlertRecord a = alert(2031, "3.1.1", "overdue-1", Audience.unit("ganyu"), Audience.COORDINATORS);
        alerts.recordIfAbsent(a);

        // the coordinators' email went out, the unit's failed: still pending for the unit only
        alerts.markDelivered(a.key(), Audience.COORDINATORS, NOW);
        assertThat(alerts.pending(2031)).singleElement()
                .satisfies(p -> assertThat(p.pendingAudiences()).containsExactly(Audience.unit("ganyu")));

        alerts.markDelivered(a.key(), Audience.unit("ganyu"), NOW.plusSeconds(60));
        alerts.markDelivered(a.key(), Audience.unit("ganyu"), NOW.plusSeconds(120)); // a retry: idempotent
        assertThat(alerts.pending(2031)).isEmpty();

        Map<String, AttributeValue> item = table.client.getItem(GetItemRequest.builder()
                .tableName(table.settings.tableName()).consistentRead(true)
                .key(DynamoAlertRepository.keyOf(a.key())).build()).item();
        assertThat(item).doesNotContainKeys("gsi2pk", "gsi2sk", "pendingTo");
        assertThat(item.get("delivered").m()).containsEntry("unit:ganyu", AttributeValue.fromS("2026-12-01T00:31:00.123Z"))
                .containsEntry("coordinators", AttributeValue.fromS("2026-12-01T00:30:00.123Z"));
        // delivered once: recording it again changes nothing and does not make it pending again
        assertThat(alerts.recordIfAbsent(a)).isFalse();
        assertThat(alerts.pending(2031)).isEmpty();
    }

    @Test
    void idempotencyKeysWithSeparatorsSurviveTheRoundTrip() {
        Finding f = new Finding(2032, "1.1", "fgw", Rule.REPORTED_BLOCKED, Light.RED, "submission-a#b|c",
                "单位上报受阻", LocalDate.of(2026, 12, 1));
        AlertRecord a = AlertRecord.newlyFound(f, Set.of(Audience.COORDINATORS), NOW);
        assertThat(alerts.recordIfAbsent(a)).isTrue();
        assertThat(alerts.pending(2032)).extracting(AlertRecord::key).containsExactly(a.key());
        alerts.markDelivered(a.key(), Audience.COORDINATORS, NOW);
        assertThat(alerts.pending(2032)).isEmpty();
    }

    @Test
    void markingAnUnknownAlertCreatesNothing() {
        alerts.markDelivered("2033|1.1|fgw|OVERDUE|overdue-1", Audience.COORDINATORS, NOW);
        assertThat(table.client.getItem(GetItemRequest.builder().tableName(table.settings.tableName())
                .consistentRead(true).key(DynamoAlertRepository.keyOf("2033|1.1|fgw|OVERDUE|overdue-1"))
                .build()).hasItem()).isFalse();
    }
}
