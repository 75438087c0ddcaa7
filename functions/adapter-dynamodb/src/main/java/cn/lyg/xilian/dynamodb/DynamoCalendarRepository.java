package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.calendar.CalendarDay;
import cn.lyg.xilian.core.calendar.CalendarRepository;
import cn.lyg.xilian.core.calendar.DayKind;
import cn.lyg.xilian.core.calendar.YearCalendar;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Each year's holiday calendar and the record of the warning that it is missing, as infra/dynamodb/TABLE.md
 * describes them ({@code CALENDAR#Y} / {@code CALENDAR}, resp. {@code MISSING-WARNING}):
 * <ul>
 *   <li>{@link #find}: one consistent GetItem, so a calendar loaded a moment ago is what the next invocation uses;</li>
 *   <li>{@link #save}: the whole year in one item (a few KB), put only when its content hash differs from the stored
 *   one: a repeated load writes nothing, a corrected notice replaces the year at once, never half of it;</li>
 *   <li>the warning record: put with {@code attribute_not_exists(pk)}, then {@code SET sentAt, messageId} once, as
 *   the weekly digests' records ({@link DynamoDigestRepository}).</li>
 * </ul>
 */
public final class DynamoCalendarRepository extends DynamoStore implements CalendarRepository {

    private static final String CONTENT_HASH = "contentHash";
    private static final String SENT_AT = "sentAt";
    private static final String MESSAGE_ID = "messageId";

    public DynamoCalendarRepository(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public Optional<YearCalendar> find(int year) {
        return get(Keys.calendarPk(year), Keys.CALENDAR).map(DynamoCalendarRepository::toCalendar);
    }

    @Override
    public SaveOutcome save(YearCalendar calendar, Instant loadedAt) {
        Map<String, AttributeValue> item = toItem(calendar, loadedAt);
        Optional<Map<String, AttributeValue>> stored = get(Keys.calendarPk(calendar.year()), Keys.CALENDAR);
        if (stored.isPresent() && item.get(CONTENT_HASH).equals(stored.get().get(CONTENT_HASH))) {
            return SaveOutcome.UNCHANGED;
        }
        client.putItem(b -> b.tableName(table).item(item));
        return stored.isPresent() ? SaveOutcome.REPLACED : SaveOutcome.CREATED;
    }

    /** The hash covers the year and its days only: the same days loaded from the CSV or the notice are unchanged. */
    static Map<String, AttributeValue> toItem(YearCalendar calendar, Instant loadedAt) {
        Map<String, AttributeValue> content = Attributes.item()
                .n("year", calendar.year())
                .maps("days", calendar.days(), day -> Attributes.item()
                        .s("date", day.date().toString())
                        .s("kind", day.kind().word())
                        .s("name", day.name())
                        .build())
                .build();
        return Attributes.item()
                .key(Keys.calendarPk(calendar.year()), Keys.CALENDAR)
                .all(content)
                .s("source", calendar.source())
                .time("loadedAt", loadedAt.truncatedTo(ChronoUnit.MILLIS))
                .s(CONTENT_HASH, ContentHash.of(content, CONTENT_HASH))
                .build();
    }

    static YearCalendar toCalendar(Map<String, AttributeValue> item) {
        Attributes.Reader r = Attributes.of(item);
        return new YearCalendar(r.n("year"), YearCalendar.Origin.NOTICE, r.s("source"), r.maps("days", day ->
                new CalendarDay(LocalDate.parse(day.s("date")), DayKind.ofWord(day.s("kind")).orElseThrow(() ->
                        new IllegalStateException("unknown day kind " + day.s("kind"))), day.s("name"))));
    }

    @Override
    public WarningRecord claimMissingWarning(int year, Instant now) {
        WarningRecord fresh = new WarningRecord(year, now.truncatedTo(ChronoUnit.MILLIS), null, null);
        try {
            client.putItem(Conditions.putIfAbsent(table, Attributes.item()
                    .key(Keys.calendarPk(year), Keys.CALENDAR_MISSING_WARNING)
                    .n("year", year)
                    .time("createdAt", fresh.createdAt())
                    .build()));
            return fresh;
        } catch (ConditionalCheckFailedException exists) {
            // a sent record must be seen as sent, or a retry would mail twice
            return get(Keys.calendarPk(year), Keys.CALENDAR_MISSING_WARNING).map(item -> {
                Attributes.Reader r = Attributes.of(item);
                return new WarningRecord(year, r.time("createdAt"), r.time(SENT_AT), r.s(MESSAGE_ID));
            }).orElseThrow(() -> new IllegalStateException("warning record vanished: " + year));
        }
    }

    @Override
    public void markMissingWarningSent(int year, String messageId, Instant sentAt) {
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(Conditions.key(Keys.calendarPk(year), Keys.CALENDAR_MISSING_WARNING))
                    .updateExpression("SET #sentAt = :at, #messageId = :id")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#sentAt)")
                    .expressionAttributeNames(Map.of("#sentAt", SENT_AT, "#messageId", MESSAGE_ID,
                            "#pk", TableDefinition.PK))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(Keys.time(sentAt)),
                            ":id", AttributeValue.fromS(messageId)))
                    .build());
        } catch (ConditionalCheckFailedException sentBeforeOrUnknown) {
            // already sent: keep the first delivery; unknown: never create a record here
        }
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return Conditions.consistentGet(client, table, Conditions.key(pk, sk));
    }
}
