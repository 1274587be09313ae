package dev.bazaar.tools.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client over one kept-alive socket, for one load-generating thread. The load generator shares the
 * machine's cores with the backend, so its own cost per request matters: this one does no more than write a request
 * and read a response (Content-Length or chunked). Not thread-safe; one per thread.
 */
public final class KeepAliveClient implements AutoCloseable {

    private final String host;

    private final int port;

    private Socket socket;

    private OutputStream out;

    private InputStream in;

    public KeepAliveClient(String base) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
    }

    public Http.Answer get(String path) throws IOException {
        return exchange("GET", path, null, null);
    }

    public Http.Answer getAs(String path, String accessToken) throws IOException {
        return exchange("GET", path, accessToken, null);
    }

    public Http.Answer post(String path, String accessToken, String jsonBody) throws IOException {
        return exchange("POST", path, accessToken, jsonBody);
    }

    private Http.Answer exchange(String method, String path, String accessToken, String body) throws IOException {
        connectIfNeeded();
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var request = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        if (accessToken != null) {
            request.append("Authorization: Bearer ").append(accessToken).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Type: application/json\r\n");
        }
        request.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(payload);
        out.flush();
        return readResponse();
    }

    private Http.Answer readResponse() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            }
            else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
            else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        var body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(readLine().trim(), 16); size > 0;
                    size = Integer.parseInt(readLine().trim(), 16)) {
                body.write(in.readNBytes(size));
                readLine();
            }
            readLine();
        }
        else if (length > 0) {
            body.write(in.readNBytes((int) length));
        }
        if (close) {
            close();
        }
        return new Http.Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private String readLine() throws IOException {
        var line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void connectIfNeeded() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

}
