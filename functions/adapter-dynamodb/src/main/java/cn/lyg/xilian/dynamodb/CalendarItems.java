package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.calendar.CalendarDay;
import cn.lyg.xilian.core.calendar.CalendarRepository.WarningRecord;
import cn.lyg.xilian.core.calendar.DayKind;
import cn.lyg.xilian.core.calendar.YearCalendar;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The items of a year's calendar partition {@code CALENDAR#Y} (infra/dynamodb/TABLE.md). */
final class CalendarItems {

    private CalendarItems() {
    }

    /**
     * The year's calendar, sk {@code CALENDAR}: its days (date, kind word, name) in one item of a few KB, with the
     * content hash of the year and the days only, so the same days loaded from the CSV or the notice are unchanged.
     */
    record CalendarItem(String pk, String sk, Integer year, List<DayItem> days, String source, Instant loadedAt,
                        String contentHash) implements ItemSchema.Keyed {

        static final String CONTENT_HASH = "contentHash";
        private static final List<String> CONTENT = List.of("year", "days");

        static final TableSchema<CalendarItem> SCHEMA;

        static {
            var s = ItemSchema.item(CalendarItem.class);
            var year = s.integer("year", CalendarItem::year);
            var days = s.documents("days", DayItem.class, DayItem.SCHEMA, CalendarItem::days);
            var source = s.string("source", CalendarItem::source);
            var loadedAt = s.time("loadedAt", CalendarItem::loadedAt);
            var contentHash = s.string(CONTENT_HASH, CalendarItem::contentHash);
            SCHEMA = s.build(v -> new CalendarItem(v.pk(), v.sk(), v.get(year), v.get(days), v.get(source),
                    v.get(loadedAt), v.get(contentHash)));
        }

        static CalendarItem of(YearCalendar calendar, Instant loadedAt) {
            CalendarItem item = new CalendarItem(Keys.calendarPk(calendar.year()), Keys.CALENDAR, calendar.year(),
                    calendar.days().stream().map(DayItem::of).toList(), calendar.source(),
                    loadedAt.truncatedTo(ChronoUnit.MILLIS), null);
            Map<String, AttributeValue> content = SCHEMA.itemToMap(item, CONTENT);
            return new CalendarItem(item.pk, item.sk, item.year, item.days, item.source, item.loadedAt,
                    ContentHash.of(content, CONTENT_HASH));
        }

        static Key key(int year) {
            return DynamoStore.key(Keys.calendarPk(year), Keys.CALENDAR);
        }

        YearCalendar calendar() {
            return new YearCalendar(year, YearCalendar.Origin.NOTICE, source,
                    days == null ? List.of() : days.stream().map(DayItem::day).toList());
        }
    }

    /** One day of a calendar, inside its list. */
    record DayItem(LocalDate date, String kind, String name) {

        static final TableSchema<DayItem> SCHEMA;

        static {
            var s = ItemSchema.of(DayItem.class);
            var date = s.date("date", DayItem::date);
            var kind = s.string("kind", DayItem::kind);
            var name = s.string("name", DayItem::name);
            SCHEMA = s.build(v -> new DayItem(v.get(date), v.get(kind), v.get(name)));
        }

        static DayItem of(CalendarDay day) {
            return new DayItem(day.date(), day.kind().word(), day.name());
        }

        CalendarDay day() {
            return new CalendarDay(date, DayKind.ofWord(kind).orElseThrow(() ->
                    new IllegalStateException("unknown day kind " + kind)), name);
        }
    }

    /**
     * The delivery record of the warning to operations that the year's calendar is missing: sk
     * {@code MISSING-WARNING}.
     */
    record WarningItem(String pk, String sk, Integer year, Instant createdAt, Instant sentAt, String messageId)
            implements ItemSchema.Keyed {

        static final TableSchema<WarningItem> SCHEMA;

        static {
            var s = ItemSchema.item(WarningItem.class);
            var year = s.integer("year", WarningItem::year);
            var createdAt = s.time("createdAt", WarningItem::createdAt);
            var sentAt = s.time("sentAt", WarningItem::sentAt);
            var messageId = s.string("messageId", WarningItem::messageId);
            SCHEMA = s.build(v -> new WarningItem(v.pk(), v.sk(), v.get(year), v.get(createdAt), v.get(sentAt),
                    v.get(messageId)));
        }

        static WarningItem of(WarningRecord r) {
            return new WarningItem(Keys.calendarPk(r.year()), Keys.CALENDAR_MISSING_WARNING, r.year(), r.createdAt(),
                    r.sentAt(), r.messageId());
        }

        static Key key(int year) {
            return DynamoStore.key(Keys.calendarPk(year), Keys.CALENDAR_MISSING_WARNING);
        }

        WarningRecord record() {
            return new WarningRecord(year, createdAt, sentAt, messageId);
        }
    }
}
