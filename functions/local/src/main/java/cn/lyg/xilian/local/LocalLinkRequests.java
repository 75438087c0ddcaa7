package cn.lyg.xilian.local;

import cn.lyg.xilian.core.access.LinkRequest;
import cn.lyg.xilian.core.access.RequestSignInLink;
import cn.lyg.xilian.dynamodb.Keys;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Stands in for the table's stream for sign-in link requests: each stored request is handed to the same handler the
 * Lambda runs, which mails the link to the unit's registered addresses (the outbox locally).
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
@Bean(typed = RequestSignInLink.Listener.class)
public class LocalLinkRequests implements RequestSignInLink.Listener {

    private final LocalStream stream;

    public LocalLinkRequests(LocalStream stream) {
        this.stream = stream;
    }

    @Override
    public void requested(LinkRequest r) {
        stream.inserted(Keys.linkRequestPk(r.id()), Keys.LINK_REQUEST, r.requestedAt().toEpochMilli(),
                "sign-in link request");
    }
}
