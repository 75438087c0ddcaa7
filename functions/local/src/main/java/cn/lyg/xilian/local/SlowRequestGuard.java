package cn.lyg.xilian.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.LastHttpContent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections whose request (headers or body) arrives too slowly, on the local run's Netty server. Micronaut
 * 4.10 closes a connection only when it is idle both ways (idle-timeout), so a client trickling a byte every few
 * seconds held its connection, and a request in progress, indefinitely.
 *
 * <p>The rule ({@link SlowRequestSettings}): while the server waits for more of a request — it has asked Netty to
 * read and nothing has come — the client must deliver at least {@code min-bytes-per-second × window} bytes per
 * {@code window} of such waiting. Only waiting counts: time in which the server does not ask for data (a controller
 * still busy with what it has: backpressure) and the time between requests (idle keep-alive, which idle-timeout
 * closes) do not, so a fast client feeding a slow consumer is never cut.
 *
 * <p>Installed through Micronaut's {@link NettyServerCustomizer} on every HTTP/1.1 connection: one handler before
 * the HTTP codec counts the raw bytes and sees the server's read requests; one after it sees where a request ends.
 */
@Singleton
@Requires(env = LocalApplication.ENVIRONMENT)
final class SlowRequestGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(SlowRequestGuard.class);

    private final SlowRequestSettings settings;

    SlowRequestGuard(SlowRequestSettings settings) {
        this.settings = settings;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        if (settings.getMinBytesPerSecond() > 0) {
            event.getBean().register(new Customizer(null));
        }
        return event.getBean();
    }

    /** The root customizer (no channel) hands each new connection one of its own. */
    private final class Customizer implements NettyServerCustomizer {

        private final Channel connection;

        Customizer(Channel connection) {
            this.connection = connection;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = connection == null ? null : connection.pipeline();
            if (pipeline == null || pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null) {
                return; // not an HTTP/1.1 connection (the local run serves nothing else)
            }
            long window = settings.getWindow().toNanos();
            Watch watch = new Watch(settings.getMinBytesPerSecond() * settings.getWindow().toMillis() / 1000, window);
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "xilian-slow-request-bytes",
                    new Bytes(watch, Math.max(window / 4, TimeUnit.MILLISECONDS.toNanos(50))));
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "xilian-slow-request-ends",
                    new Ends(watch));
        }
    }

    /**
     * One connection's account, on its event loop only. A request starts with its first byte and ends when the codec
     * has passed its last content; in between, the time the server waited for data and the bytes that came are
     * summed until the waiting fills a window, which then must hold enough bytes.
     */
    static final class Watch {

        private final long minBytesPerWindow;
        private final long windowNanos;
        private boolean inRequest;
        private long bytes;
        private long waited;
        private long waitingSince = -1;

        Watch(long minBytesPerWindow, long windowNanos) {
            this.minBytesPerWindow = minBytesPerWindow;
            this.windowNanos = windowNanos;
        }

        /** The server asked for more data. */
        void demanded(long now) {
            if (waitingSince < 0) {
                waitingSince = now;
            }
        }

        void arrived(long count, long now) {
            if (!inRequest) { // a new request: waiting for it between requests was idle time
                inRequest = true;
                bytes = 0;
                waited = 0;
            } else if (waitingSince >= 0) {
                waited += now - waitingSince;
            }
            waitingSince = -1;
            bytes += count;
        }

        void ended() {
            inRequest = false;
        }

        /** Whether a full window of waiting brought too few bytes; a window that brought enough starts the next. */
        boolean tooSlow(long now) {
            if (!inRequest) {
                return false;
            }
            long waitedNow = waited + (waitingSince >= 0 ? now - waitingSince : 0);
            if (waitedNow < windowNanos) {
                return false;
            }
            if (bytes < minBytesPerWindow) {
                return true;
            }
            bytes = 0;
            waited = 0;
            if (waitingSince >= 0) {
                waitingSince = now;
            }
            return false;
        }

        long bytes() {
            return bytes;
        }
    }

    /** Before the codec: raw bytes in, read requests out, and the periodic check. */
    private final class Bytes extends ChannelDuplexHandler {

        private final Watch watch;
        private final long checkEveryNanos;
        private ScheduledFuture<?> check;

        Bytes(Watch watch, long checkEveryNanos) {
            this.watch = watch;
            this.checkEveryNanos = checkEveryNanos;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            check = ctx.executor().scheduleAtFixedRate(() -> {
                if (watch.tooSlow(System.nanoTime())) {
                    LOG.warn("closing a connection from {}: its request came slower than {} bytes/s over {} "
                                    + "({} bytes in the last window)", ctx.channel().remoteAddress(),
                            settings.getMinBytesPerSecond(), settings.getWindow(), watch.bytes());
                    ctx.close();
                }
            }, checkEveryNanos, checkEveryNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            check.cancel(false);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            check.cancel(false);
            super.channelInactive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof ByteBuf buf) {
                watch.arrived(buf.readableBytes(), System.nanoTime());
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
            if (ctx.channel().config().isAutoRead()) { // Micronaut reads on demand; should that change, Netty always waits
                watch.demanded(System.nanoTime());
            }
            super.channelReadComplete(ctx);
        }

        @Override
        public void read(ChannelHandlerContext ctx) throws Exception {
            watch.demanded(System.nanoTime());
            super.read(ctx);
        }
    }

    /** After the codec: the end of each request. */
    private static final class Ends extends ChannelInboundHandlerAdapter {

        private final Watch watch;

        Ends(Watch watch) {
            this.watch = watch;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof LastHttpContent) { // also a full request
                watch.ended();
            }
            super.channelRead(ctx, msg);
        }
    }
}
