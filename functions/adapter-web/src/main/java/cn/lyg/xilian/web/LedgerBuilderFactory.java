package cn.lyg.xilian.web;

import cn.lyg.xilian.core.report.LedgerBuilder;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The ledger builder the board uses (the writers come from adapter-ledger's factory, the alert rules,
 * settings and calendar from core's CoreFactory).
 */
@Factory
public class LedgerBuilderFactory {

    @Singleton
    LedgerBuilder ledgerBuilder() {
        return new LedgerBuilder();
    }
}
