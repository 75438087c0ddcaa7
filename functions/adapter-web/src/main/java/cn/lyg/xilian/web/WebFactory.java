package cn.lyg.xilian.web;

import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.core.report.LedgerBuilder;
import cn.lyg.xilian.core.view.InboxQueries;
import cn.lyg.xilian.core.view.StatusBoard;
import cn.lyg.xilian.core.view.TaskQueries;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Sessions;
import cn.lyg.xilian.core.access.SessionRepository;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.SubmissionListener;
import cn.lyg.xilian.core.progress.SubmitProgress;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The core use cases are plain classes (core knows no DI wiring); they are assembled here. */
@Factory
public class WebFactory {


    /** The page's half of "把登录链接发到本单位邮箱"; the mail path's half is the jobs' (SendSignInLink). */
    @Singleton
    cn.lyg.xilian.core.access.RequestSignInLink requestSignInLink(cn.lyg.xilian.core.access.LinkRequestRepository requests,
                                                                 cn.lyg.xilian.core.access.RateCounter counter,
                                                                 Clock clock,
                                                                 @Nullable cn.lyg.xilian.core.access.RequestSignInLink.Listener listener) {
        // No listener in the API function: there the table's stream drives the jobs' SendSignInLink.
        return new cn.lyg.xilian.core.access.RequestSignInLink(requests, counter, clock,
                listener == null ? cn.lyg.xilian.core.access.RequestSignInLink.Listener.NONE : listener);
    }

    @Singleton
    Sessions sessions(SessionRepository repository, Credentials credentials, Clock clock, SessionSettings settings) {
        return new Sessions(repository, credentials, clock, settings.toPolicy());
    }

    @Singleton
    SubmitProgress submitProgress(ProgressRepository repository, Clock clock,
                                  @Nullable SubmissionListener listener) {
        // No listener in the API function: there the table's stream drives the submission-event function.
        return new SubmitProgress(repository, clock, listener == null ? SubmissionListener.NONE : listener);
    }

    @Singleton
    cn.lyg.xilian.core.supervision.Supervise supervise(cn.lyg.xilian.core.supervision.ReviewRepository reviews,
                                                       cn.lyg.xilian.core.supervision.ExtensionRepository extensions,
                                                       cn.lyg.xilian.core.supervision.InstructionRepository instructions,
                                                       cn.lyg.xilian.core.supervision.SupervisionRecords records,
                                                       ProgressRepository progress, Clock clock,
                                                       @Nullable cn.lyg.xilian.core.supervision.ReviewListener listener,
                                                       cn.lyg.xilian.core.supervision.UnitInbox inbox,
                                                       cn.lyg.xilian.core.audit.AuditLog audit) {
        // Locally the listener emails the unit at once; see ReviewListener. Reviews, decisions and instructions go
        // on the audit trail (操作留痕).
        return new cn.lyg.xilian.core.supervision.Supervise(reviews, extensions, instructions, records, progress, clock,
                listener == null ? cn.lyg.xilian.core.supervision.ReviewListener.NONE : listener, inbox, audit);
    }

    @Singleton
    StatusBoard statusBoard(ProgressRepository progress, AlertRules rules, LedgerBuilder ledgerBuilder, Clock clock) {
        return new StatusBoard(progress, rules, ledgerBuilder, clock);
    }

    /** The board's 排名 and 情况通报 of a past week: the Monday summary's read model (core.report.WeekSummaries). */
    @Singleton
    cn.lyg.xilian.core.view.WeekRanking weekRanking(ProgressRepository progress,
                                                    cn.lyg.xilian.core.report.DigestRepository digests,
                                                    AlertRules rules, Clock clock,
                                                    cn.lyg.xilian.core.supervision.SupervisionRecords supervision) {
        return new cn.lyg.xilian.core.view.WeekRanking(new cn.lyg.xilian.core.report.WeekSummaries(progress, digests,
                rules, clock, supervision, 0));
    }

    @Singleton
    cn.lyg.xilian.core.view.YearEnd yearEnd(ProgressRepository progress, Clock clock) {
        return new cn.lyg.xilian.core.view.YearEnd(progress, clock);
    }

    @Singleton
    InboxQueries inboxQueries(StatusBoard board, cn.lyg.xilian.core.supervision.Supervise supervise) {
        return new InboxQueries(board, supervise);
    }

    @Singleton
    TaskQueries taskQueries(ProgressRepository progress, StatusBoard board,
                            cn.lyg.xilian.core.supervision.Supervise supervise) {
        return new TaskQueries(progress, board, supervise);
    }

    @Singleton
    cn.lyg.xilian.core.admin.SignIns signIns(cn.lyg.xilian.core.admin.Directory directory, Clock clock) {
        return new cn.lyg.xilian.core.admin.SignIns(directory, clock);
    }

    @Singleton
    cn.lyg.xilian.core.admin.AdminQueries adminQueries(cn.lyg.xilian.core.admin.UnitDirectory units,
                                                       cn.lyg.xilian.core.access.CredentialRepository credentials,
                                                       ProgressRepository progress, Clock clock) {
        return new cn.lyg.xilian.core.admin.AdminQueries(units, credentials, progress, clock);
    }
}
