package io.sslkit.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Netty's SslHandler driving an SSLKIT SSLEngine: an echo server and client, each against SunJSSE in turn. */
class NettyInteropTest {
    private static final TestPki PKI = TestPki.get();
    private static EventLoopGroup group;

    @BeforeAll
    static void start() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop() throws Exception {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void sslkitClientEchoesThroughSunJsseServer() throws Exception {
        echo(PKI.sunJsse(PKI.server), PKI.sslkit("TLS", null));
    }

    @Test
    void sunJsseClientEchoesThroughSslkitServer() throws Exception {
        echo(PKI.sslkit("TLS", PKI.server), PKI.sunJsse(null));
    }

    private static void echo(SSLContext serverCtx, SSLContext clientCtx) throws Exception {
        CompletableFuture<String> serverSaw = new CompletableFuture<>();
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SSLEngine engine = serverCtx.createSSLEngine();
                        engine.setUseClientMode(false);
                        SslHandler ssl = new SslHandler(engine);
                        ssl.handshakeFuture().addListener(f -> serverSaw.complete(f.isSuccess()
                                ? engine.getSession().getProtocol() + " " + engine.getSession().getCipherSuite()
                                : "failed: " + f.cause()));
                        ch.pipeline().addLast(ssl, new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ctx.writeAndFlush(msg);
                            }
                        });
                    }
                }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        try {
            byte[] data = new byte[200_000];
            new Random(7).nextBytes(data);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            CompletableFuture<byte[]> echoed = new CompletableFuture<>();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            SSLEngine clientEngine = clientCtx.createSSLEngine("localhost", port);
            clientEngine.setUseClientMode(true);
            SslHandler clientSsl = new SslHandler(clientEngine);
            Channel client = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(clientSsl, new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                    ByteBuf b = (ByteBuf) msg;
                                    try {
                                        byte[] chunk = new byte[b.readableBytes()];
                                        b.readBytes(chunk);
                                        received.writeBytes(chunk);
                                    } finally {
                                        b.release();
                                    }
                                    if (received.size() >= data.length) {
                                        echoed.complete(received.toByteArray());
                                    }
                                }

                                @Override
                                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                    echoed.completeExceptionally(cause);
                                    ctx.close();
                                }
                            });
                        }
                    }).connect(server.localAddress()).sync().channel();
            assertTrue(clientSsl.handshakeFuture().await(20, TimeUnit.SECONDS), "client handshake");
            assertTrue(clientSsl.handshakeFuture().isSuccess(), String.valueOf(clientSsl.handshakeFuture().cause()));
            String serverSide = serverSaw.get(20, TimeUnit.SECONDS);
            assertEquals("TLSv1.2 " + clientEngine.getSession().getCipherSuite(), serverSide);
            client.writeAndFlush(Unpooled.wrappedBuffer(data));
            assertArrayEquals(data, echoed.get(20, TimeUnit.SECONDS));
            // close_notify goes out and the connection closes cleanly
            assertTrue(clientSsl.closeOutbound().await(20, TimeUnit.SECONDS));
            assertTrue(clientEngine.isOutboundDone());
            client.close().sync();
        } finally {
            server.close().sync();
        }
    }
}
