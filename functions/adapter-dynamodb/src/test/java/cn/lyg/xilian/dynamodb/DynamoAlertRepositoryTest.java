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
