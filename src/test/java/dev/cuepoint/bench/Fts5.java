package dev.cuepoint.bench;

import dev.cuepoint.captions.CaptionException;
import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.Cue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer: SQLite FTS5 as yt-fts keeps transcripts. yt-fts stores one row per caption cue in a
 * {@code Subtitles(subtitle_id, video_id, start_time, stop_time, text)} table and makes it searchable
 * with sqlite-utils' {@code enable_fts(["text"])}: an external-content FTS5 table over {@code text}
 * with the default {@code unicode61} tokenizer, kept in step by triggers; a search is {@code MATCH}
 * ordered by {@code bm25}. Here the same, through sqlite-jdbc in the benchmark's JVM.
 */
final class Fts5 implements AutoCloseable {
  /** yt-dlp names: {@code Title [VIDEOID].en.srt}. */
  private static final Pattern ID_IN_NAME = Pattern.compile("\\[([A-Za-z0-9_-]{11})]\\.[^.]+\\.srt$");

  /** The cues a search returns, best first: as many as Cuepoint's page shows moments (10 videos × 5). */
  static final int LIMIT = 50;

  private static final String SEARCH =
      "SELECT s.video_id, s.start_time, s.text FROM Subtitles_fts f JOIN Subtitles s ON s.rowid = f.rowid"
          + " WHERE Subtitles_fts MATCH ? ORDER BY bm25(Subtitles_fts) LIMIT " + LIMIT;

  private final Connection connection;
  private final PreparedStatement search;

  private Fts5(Connection connection) throws SQLException {
    this.connection = connection;
    this.search = connection.prepareStatement(SEARCH);
  }

  static Fts5 open(Path db) throws SQLException {
    return new Fts5(DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath()));
  }

  /** The SQLite version and whether FTS5 is compiled in (it must be). */
  static String version() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement()) {
      ResultSet v = s.executeQuery("SELECT sqlite_version(), sqlite_compileoption_used('ENABLE_FTS5')");
      v.next();
      if (v.getInt(2) != 1) {
        throw new SQLException("this sqlite-jdbc build has no FTS5");
      }
      return v.getString(1);
    }
  }

  /**
   * Parses every caption file with Cuepoint's parser (the same work Cuepoint's import does) and stores
   * its cues, one transaction per video as yt-fts commits per video; WAL with synchronous=NORMAL, so
   * commits do not wait for the disk (Cuepoint's import, by contrast, flushes every corpus file).
   */
  static void build(Path db, List<Path> captionFiles) throws IOException, SQLException, CaptionException {
    Files.deleteIfExists(db);
    Captions captions = Captions.standard();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("CREATE TABLE Subtitles (subtitle_id INTEGER PRIMARY KEY, video_id TEXT,"
            + " start_time TEXT, stop_time TEXT, text TEXT)");
        // what sqlite-utils' enable_fts(["text"], create_triggers=True) creates
        s.execute("CREATE VIRTUAL TABLE Subtitles_fts USING fts5(text, content=[Subtitles], content_rowid=[subtitle_id])");
        s.execute("CREATE TRIGGER Subtitles_ai AFTER INSERT ON Subtitles BEGIN"
            + " INSERT INTO Subtitles_fts (rowid, text) VALUES (new.subtitle_id, new.text); END");
      }
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO Subtitles (video_id, start_time, stop_time, text) VALUES (?, ?, ?, ?)")) {
        for (Path f : captionFiles) {
          Matcher m = ID_IN_NAME.matcher(f.getFileName().toString());
          if (!m.find()) {
            throw new IOException("no video id in " + f);
          }
          for (Cue cue : captions.read(f).cues()) {
            insert.setString(1, m.group(1));
            insert.setString(2, seconds(cue.startMs()));
            insert.setString(3, seconds(cue.endMs()));
            insert.setString(4, cue.text());
            insert.addBatch();
          }
          insert.executeBatch();
          c.commit();
        }
      }
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    }
  }

  /** yt-fts keeps times as text, e.g. {@code 00:01:02.345}. */
  private static String seconds(long ms) {
    return String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }

  /** Runs one FTS5 query; returns the rows read (video id, time and text of each cue). */
  int search(String match) throws SQLException {
    search.setString(1, match);
    int rows = 0;
    try (ResultSet r = search.executeQuery()) {
      while (r.next()) {
        if (r.getString(1) != null && r.getString(2) != null && r.getString(3) != null) {
          rows++;
        }
      }
    }
    return rows;
  }

  @Override
  public void close() throws SQLException {
    search.close();
    connection.close();
  }
}
