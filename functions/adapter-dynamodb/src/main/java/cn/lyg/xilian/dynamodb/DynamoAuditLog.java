package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditLog;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/**
 * The audit trail ({@link AuditItem}): one partition per month, append-only. There is no update or delete here on
 * purpose: the product cannot change the record.
 */
public class DynamoAuditLog extends DynamoStore implements AuditLog {

    public DynamoAuditLog(DynamoDbClient client, DynamoDbSettings settings) {
        super(client, settings);
    }

    @Override
    public boolean record(AuditEntry entry) {
        return putIfAbsent(entries(), AuditItem.of(entry));
    }

    /** Every page of the month's partition (a busy month may exceed 1 MB), newest first. */
    @Override
    public List<AuditEntry> month(YearMonth month) {
        return items(entries().query(q -> q.consistentRead(true).queryConditional(partition(Keys.auditPk(month)))))
                .map(AuditItem::entry)
                .sorted(Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id).reversed())
                .toList();
    }

    private DynamoDbTable<AuditItem> entries() {
        return table(AuditItem.SCHEMA);
    }
}
