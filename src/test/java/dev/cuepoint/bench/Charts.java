package dev.cuepoint.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Log-log line charts as PNG, drawn with Java2D (headless), so the report needs no Python or
 * plotting library: one line per series, a point per corpus size.
 */
final class Charts {
  /** One line: its name and its (x, y) points; NaN values are left out. */
  record Series(String name, double[] x, double[] y) {}

  private static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b)
  };

  private Charts() {}

  static void logLog(Path file, String title, String xLabel, String yLabel, List<Series> series)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    int w = 820, h = 520, left = 90, right = 230, top = 50, bottom = 70;
    double minX = Double.MAX_VALUE, maxX = 0, minY = Double.MAX_VALUE, maxY = 0;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        if (s.y()[i] > 0 && s.x()[i] > 0) {
          minX = Math.min(minX, s.x()[i]);
          maxX = Math.max(maxX, s.x()[i]);
          minY = Math.min(minY, s.y()[i]);
          maxY = Math.max(maxY, s.y()[i]);
        }
      }
    }
    if (maxX == 0) {
      minX = minY = 1;
      maxX = maxY = 10;
    }
    double lx0 = Math.floor(Math.log10(minX)), lx1 = Math.max(lx0 + 1, Math.ceil(Math.log10(maxX)));
    double ly0 = Math.floor(Math.log10(minY)), ly1 = Math.max(ly0 + 1, Math.ceil(Math.log10(maxY)));
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    int pw = w - left - right, ph = h - top - bottom;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    // decade grid and labels
    for (double d = lx0; d <= lx1; d++) {
      int x = left + (int) Math.round((d - lx0) / (lx1 - lx0) * pw);
      g.setColor(new Color(0xdddddd));
      g.drawLine(x, top, x, top + ph);
      g.setColor(Color.DARK_GRAY);
      String label = decade(d);
      g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, top + ph + 18);
    }
    for (double d = ly0; d <= ly1; d++) {
      int y = top + ph - (int) Math.round((d - ly0) / (ly1 - ly0) * ph);
      g.setColor(new Color(0xdddddd));
      g.drawLine(left, y, left + pw, y);
      g.setColor(Color.DARK_GRAY);
      String label = decade(d);
      g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    g.setColor(Color.BLACK);
    g.drawRect(left, top, pw, ph);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, left, top - 20);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString(xLabel, left + pw / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, h - 25);
    Graphics2D gy = (Graphics2D) g.create();
    gy.rotate(-Math.PI / 2);
    gy.drawString(yLabel, -(top + ph / 2 + g.getFontMetrics().stringWidth(yLabel) / 2), 25);
    gy.dispose();
    int legendY = top + 10;
    for (int k = 0; k < series.size(); k++) {
      Series s = series.get(k);
      Color c = COLORS[k % COLORS.length];
      g.setColor(c);
      g.setStroke(new BasicStroke(2.2f));
      int px = -1, py = -1;
      for (int i = 0; i < s.x().length; i++) {
        if (!(s.y()[i] > 0) || !(s.x()[i] > 0)) {
          continue;
        }
        int x = left + (int) Math.round((Math.log10(s.x()[i]) - lx0) / (lx1 - lx0) * pw);
        int y = top + ph - (int) Math.round((Math.log10(s.y()[i]) - ly0) / (ly1 - ly0) * ph);
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        g.fillOval(x - 4, y - 4, 8, 8);
        px = x;
        py = y;
      }
      g.drawLine(left + pw + 15, legendY, left + pw + 40, legendY);
      g.setColor(Color.BLACK);
      g.drawString(s.name(), left + pw + 46, legendY + 5);
      legendY += 22;
    }
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  private static String decade(double exponent) {
    double v = Math.pow(10, exponent);
    if (exponent >= 0 && exponent < 7) {
      return String.format("%,d", (long) v);
    }
    return exponent < 0 && exponent > -4 ? String.valueOf(v) : "1e" + (int) exponent;
  }
}
