package net.delonet.bloodbank.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Half-closed connections stay open so a request sent before the half-close is still answered; but a stream
 * (server-sent events) whose client half-closed or went away (the two look the same) is closed at once: it has no
 * end to wait for, and its queue on the broker should not outlive its reader.
 */
final class HalfClose extends ChannelDuplexHandler {

    private boolean streaming;

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof ChannelInputShutdownEvent && streaming) {
            ctx.close();
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
            streaming = type != null && type.startsWith("text/event-stream");
        }
        if (msg instanceof LastHttpContent) {
            streaming = false;
        }
        ctx.write(msg, promise);
    }
}
