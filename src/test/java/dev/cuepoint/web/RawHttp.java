package dev.cuepoint.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request byte for byte (no client normalising paths, encoding or headers) and reads the
 * whole answer: for requests no well-behaved client would send.
 */
final class RawHttp {
  private RawHttp() {}

  record Answer(int status, String head, String body, long nanos) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /** From 127.0.0.1. */
  static Answer send(int port, byte[] request) {
    return send("127.0.0.1", port, request);
  }

  /** @param from the local address to send from, e.g. 127.0.0.2 for a second client on loopback */
  static Answer send(String from, int port, byte[] request) {
    long t0 = System.nanoTime();
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(from, 0));
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (SocketException e) {
        // the server may answer and close before reading all of a huge request: read what it said
      }
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      try {
        in.transferTo(all);
      } catch (SocketException e) {
        // a reset after the answer (the server closed with unread request bytes): keep what came
      }
      long nanos = System.nanoTime() - t0;
      String text = all.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      int status = -1;
      if (head.startsWith("HTTP/1.")) {
        status = Integer.parseInt(head.substring(9, 12));
      }
      return new Answer(status, head, body, nanos);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code METHOD target HTTP/1.1} with a Host header, the extra header lines and a body. */
  static byte[] request(String method, String target, String headers, byte[] body) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers
        + (body.length > 0 && !headers.toLowerCase().contains("content-length") && !headers.toLowerCase().contains("transfer-encoding")
            ? "Content-Length: " + body.length + "\r\n" : "")
        + "\r\n";
    b.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    b.writeBytes(body);
    return b.toByteArray();
  }

  static byte[] get(String target) {
    return request("GET", target, "", new byte[0]);
  }
}
