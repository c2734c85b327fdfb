package net.delonet.bloodbank.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * A body HTTP cannot parse (a bad chunk size) or an HTTP version other than 1.x is answered 400 with the API's JSON
 * error, then the connection closed: Vert.x would close it without a word. Sits in the connection's Netty pipeline just before Vert.x's handler.
 */
final class MalformedBody extends ChannelInboundHandlerAdapter {

    private static final byte[] BODY = ("{\"error\":\"The request body is not well-formed HTTP/1.1 (chunked encoding)\","
            + "\"field\":\"body\",\"status\":400}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] VERSION = ("{\"error\":\"Only HTTP/1.0 and HTTP/1.1 are served\","
            + "\"field\":\"request\",\"status\":400}").getBytes(StandardCharsets.UTF_8);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // An invalid request (a FullHttpRequest with a failure) is Vert.x's to answer, in turn with those before it.
        boolean badBody = msg instanceof HttpContent content && !(msg instanceof HttpRequest) && content.decoderResult().isFailure();
        boolean badVersion = msg instanceof HttpRequest request && request.decoderResult().isSuccess()
                && request.protocolVersion().majorVersion() != 1;
        if (badBody || badVersion) {
            ReferenceCountUtil.release(msg);
            byte[] body = badBody ? BODY : VERSION;
            FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                    Unpooled.wrappedBuffer(body));
            answer.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json").set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, "close");
            ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
