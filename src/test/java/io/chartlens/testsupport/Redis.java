package io.chartlens.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The local Redis that scale-out tests share ({@value #ADDRESS}). As with {@link Postgres}: on CI ({@code CI=true})
 * an unreachable Redis fails the test; elsewhere it skips with the reason.
 */
public final class Redis {

    public static final String ADDRESS = "redis://127.0.0.1:6379";

    private Redis() {
    }

    /**
     * Everything Redis holds under keys matching {@code pattern} (KEYS, then HGETALL of each: Liberty keeps
     * sessions in hashes), as raw bytes in one string: enough to check that no secret is stored in the clear.
     */
    public static String rawContents(String pattern) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 3000);
            socket.setSoTimeout(500);
            String keys = command(socket, "KEYS", pattern);
            StringBuilder all = new StringBuilder(keys);
            for (String line : keys.split("\r\n")) {
                if (!line.isEmpty() && !line.startsWith("*") && !line.startsWith("$")) {
                    all.append(command(socket, "HGETALL", line));
                }
            }
            return all.toString();
        } catch (IOException e) {
            throw new IllegalStateException("could not read Redis at " + ADDRESS, e);
        }
    }

    private static String command(Socket socket, String... parts) throws IOException {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n").append(part)
                    .append("\r\n");
        }
        socket.getOutputStream().write(resp.toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        java.io.ByteArrayOutputStream reply = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        try {
            int n;
            while ((n = socket.getInputStream().read(buffer)) > 0) {
                reply.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException idle) {
            // the reply is complete once Redis has been quiet for the socket timeout
        }
        return reply.toString(StandardCharsets.ISO_8859_1);
    }

    /** Returns when Redis answers PING; otherwise fails (CI) or skips the test. */
    public static void requireOrSkip() {
        String problem;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 3000);
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int n = in.read(reply);
            String answer = n > 0 ? new String(reply, 0, n, StandardCharsets.US_ASCII) : "";
            if (answer.startsWith("+PONG")) {
                return;
            }
            problem = "Redis at " + ADDRESS + " answered '" + answer.trim() + "' to PING";
        } catch (IOException e) {
            problem = "Redis is unreachable at " + ADDRESS + " (" + e.getMessage() + ")";
        }
        RequiredService.unavailable(problem, "Redis is required: start it on 127.0.0.1:6379", null);
    }
}
