package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.calendar.CalendarDay;
import cn.lyg.xilian.core.calendar.CalendarRepository;
import cn.lyg.xilian.core.calendar.CalendarRepository.SaveOutcome;
import cn.lyg.xilian.core.calendar.DayKind;
import cn.lyg.xilian.core.calendar.YearCalendar;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar items on dynalite, and their stored format: {@code stored-calendar-items.jsonl} holds the items
 * {@link #writeScenario} writes (a deployed table keeps its loaded calendars across releases), as
 * {@link StoredFormatTest} does for the other item types.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoCalendarRepositoryTest {

    @RegisterExtension
    static final TestTable table = TestTable.perClass();

    private static final Instant T0 = Instant.parse("2026-11-20T02:03:04.567Z");
    private static final YearCalendar Y2027 = new YearCalendar(2027, YearCalendar.Origin.NOTICE,
            "国务院办公厅关于2027年部分节假日安排的通知", List.of(
            new CalendarDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
            new CalendarDay(LocalDate.of(2027, 2, 20), DayKind.WORKDAY, "春节调休上班"),
            new CalendarDay(LocalDate.of(2026, 12, 31), DayKind.HOLIDAY, "元旦")));

    private CalendarRepository repository() {
        return new DynamoCalendarRepository(table.client, table.settings);
    }

    @Test
    void aLoadedYearReadsBackAndTheSameDaysAgainWriteNothing() {
        CalendarRepository calendars = repository();
        assertThat(calendars.find(2027)).isEmpty();

        assertThat(calendars.save(Y2027, T0)).isEqualTo(SaveOutcome.CREATED);
        assertThat(calendars.find(2027)).contains(Y2027);
        YearCalendar fromCsv = new YearCalendar(2027, YearCalendar.Origin.NOTICE, "cn-2027.csv", Y2027.days());
        assertThat(calendars.save(fromCsv, T0.plusSeconds(60))).isEqualTo(SaveOutcome.UNCHANGED);
        assertThat(calendars.find(2027).orElseThrow().source()).as("nothing written").isEqualTo(Y2027.source());

        YearCalendar corrected = new YearCalendar(2027, YearCalendar.Origin.NOTICE, "corrected", Y2027.days().subList(0, 2));
        assertThat(calendars.save(corrected, T0.plusSeconds(120))).isEqualTo(SaveOutcome.REPLACED);
        assertThat(calendars.find(2027)).contains(corrected);
    }

    @Test
    void theWarningRecordIsClaimedOnceAndSentOnce() {
        CalendarRepository calendars = repository();
        CalendarRepository.WarningRecord first = calendars.claimMissingWarning(2031, T0);
        CalendarRepository.WarningRecord second = calendars.claimMissingWarning(2031, T0.plusSeconds(5));
        calendars.markMissingWarningSent(2031, "m-1@x", T0.plusSeconds(9));
        calendars.markMissingWarningSent(2031, "m-2@x", T0.plusSeconds(10));

        assertThat(first.sent()).isFalse();
        assertThat(second).isEqualTo(first);
        assertThat(calendars.claimMissingWarning(2031, T0.plusSeconds(60)))
                .isEqualTo(new CalendarRepository.WarningRecord(2031, T0, T0.plusSeconds(9), "m-1@x"));
    }

    @Test
    void theStoredFormatIsKept(Dynalite dynalite) throws IOException {
        try (TestTable written = TestTable.create(dynalite, DynamoCalendarRepositoryTest.class);
             TestTable fromFixture = TestTable.create(dynalite, DynamoCalendarRepositoryTest.class)) {
            writeScenario(new DynamoCalendarRepository(written.client, written.settings));
            for (String line : fixture()) {
                fromFixture.client.putItem(b -> b.tableName(fromFixture.settings.tableName()).item(StoredItemsJson.item(line)));
            }
            var read = new DynamoCalendarRepository(fromFixture.client, fromFixture.settings);

            assertThat(StoredItemsJson.lines(scan(written))).containsExactlyElementsOf(fixture());
            assertThat(read.find(2027)).contains(Y2027);
            assertThat(read.claimMissingWarning(2028, T0.plusSeconds(99)))
                    .isEqualTo(new CalendarRepository.WarningRecord(2028, T0, T0.plusSeconds(1), "calendar-missing-2028@xilian.test"));
            assertThat(read.save(Y2027, T0.plusSeconds(300))).as("same content hash").isEqualTo(SaveOutcome.UNCHANGED);
        }
    }

    static void writeScenario(CalendarRepository calendars) {
        calendars.save(Y2027, T0);
        calendars.claimMissingWarning(2028, T0);
        calendars.markMissingWarningSent(2028, "calendar-missing-2028@xilian.test", T0.plusSeconds(1));
    }

    private static List<Map<String, AttributeValue>> scan(TestTable t) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        t.client.scanPaginator(b -> b.tableName(t.settings.tableName())).items().forEach(items::add);
        return items;
    }

    private static List<String> fixture() throws IOException {
        try (InputStream in = DynamoCalendarRepositoryTest.class.getResourceAsStream("/stored-calendar-items.jsonl")) {
            return in == null ? List.of()
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
