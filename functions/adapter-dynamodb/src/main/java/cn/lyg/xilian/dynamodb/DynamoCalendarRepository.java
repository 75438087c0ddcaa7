package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.calendar.CalendarRepository;
import cn.lyg.xilian.core.calendar.YearCalendar;
import cn.lyg.xilian.dynamodb.CalendarItems.CalendarItem;
import cn.lyg.xilian.dynamodb.CalendarItems.WarningItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Each year's holiday calendar and the record of the warning that it is missing ({@link CalendarItems}):
 * <ul>
 *   <li>{@link #find}: one consistent GetItem, so a calendar loaded a moment ago is what the next invocation uses;</li>
 *   <li>{@link #save}: the whole year in one item, put only when its content hash differs from the stored one: a
 *   repeated load writes nothing, a corrected notice replaces the year at once, never half of it;</li>
 *   <li>the warning record: put with {@code attribute_not_exists(pk)}, then {@code SET sentAt, messageId} once, as
 *   the weekly digests' records ({@link DynamoDigestRepository}).</li>
 * </ul>
 */
public final class DynamoCalendarRepository extends DynamoStore implements CalendarRepository {

    public DynamoCalendarRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public Optional<YearCalendar> find(int year) {
        return get(calendars(), CalendarItem.key(year)).map(CalendarItem::calendar);
    }

    @Override
    public SaveOutcome save(YearCalendar calendar, Instant loadedAt) {
        CalendarItem item = CalendarItem.of(calendar, loadedAt);
        Optional<CalendarItem> stored = get(calendars(), CalendarItem.key(calendar.year()));
        if (stored.isPresent() && item.contentHash().equals(stored.get().contentHash())) {
            return SaveOutcome.UNCHANGED;
        }
        calendars().putItem(item);
        return stored.isPresent() ? SaveOutcome.REPLACED : SaveOutcome.CREATED;
    }

    @Override
    public WarningRecord claimMissingWarning(int year, Instant now) {
        WarningRecord fresh = new WarningRecord(year, now.truncatedTo(ChronoUnit.MILLIS), null, null);
        if (putIfAbsent(warnings(), WarningItem.of(fresh))) {
            return fresh;
        }
        // a sent record must be seen as sent, or a retry would mail twice
        return get(warnings(), WarningItem.key(year)).map(WarningItem::record)
                .orElseThrow(() -> new IllegalStateException("warning record vanished: " + year));
    }

    /** Already sent: the first delivery is kept; unknown: no record is created here. */
    @Override
    public void markMissingWarningSent(int year, String messageId, Instant sentAt) {
        setIf(warnings(), new WarningItem(Keys.calendarPk(year), Keys.CALENDAR_MISSING_WARNING, null, null, sentAt,
                messageId), Conditions.when("attribute_exists(pk) AND attribute_not_exists(sentAt)"));
    }

    private DynamoDbTable<CalendarItem> calendars() {
        return table(CalendarItem.SCHEMA);
    }

    private DynamoDbTable<WarningItem> warnings() {
        return table(WarningItem.SCHEMA);
    }
}
