package org.portcullis.pinpad;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws one digit as a PNG image, generated on the server so pages never carry digits as text (SPEC
 * §3.6: scripts scraping the page learn nothing). The digit is a seven-segment figure made of
 * filled polygons rather than a font glyph, because a headless server may have no fonts. Each
 * render moves the figure by a small random offset and adds a few faint random strokes, so two
 * images of the same digit never share bytes and matching images byte for byte learns nothing.
 *
 * <p>Works with {@code java.awt.headless=true}. Thread-safe: the only shared state is the {@link
 * SecureRandom}, which is itself thread-safe.
 */
public final class DigitImages {

  /** Image width in pixels. */
  public static final int WIDTH = 72;

  /** Image height in pixels. */
  public static final int HEIGHT = 96;

  private static final int FIGURE_WIDTH = 36;
  private static final int FIGURE_HEIGHT = 60;
  private static final float THICKNESS = 8f;
  private static final float GAP = 2.5f;
  private static final int MAX_SHIFT = 4;
  private static final int NOISE_STROKES = 4;
  private static final Color BACKGROUND = new Color(246, 246, 240);
  private static final Color INK = new Color(28, 32, 44);

  /** Segments a (top), b (top right), c, d (bottom), e, f (top left), g (middle) as bits 0..6. */
  private static final int[] SEGMENTS = {
    0b0111111, 0b0000110, 0b1011011, 0b1001111, 0b1100110,
    0b1101101, 0b1111101, 0b0000111, 0b1111111, 0b1101111
  };

  private final SecureRandom random;

  public DigitImages(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Renders {@code digit} (0..9) as a {@value #WIDTH}×{@value #HEIGHT} PNG: dark figure on a light
   * background.
   */
  public byte[] png(int digit) {
    if (digit < 0 || digit > 9) {
      throw new IllegalArgumentException("digit must be 0..9: " + digit);
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      drawFigure(g, SEGMENTS[digit]);
      drawNoise(g);
    } finally {
      g.dispose();
    }
    return encode(image);
  }

  private void drawFigure(Graphics2D g, int segments) {
    float left = (WIDTH - FIGURE_WIDTH) / 2f + shift() + THICKNESS / 2;
    float top = (HEIGHT - FIGURE_HEIGHT) / 2f + shift() + THICKNESS / 2;
    float right = left + FIGURE_WIDTH - THICKNESS;
    float bottom = top + FIGURE_HEIGHT - THICKNESS;
    float middle = (top + bottom) / 2;
    Path2D[] shapes = {
      horizontal(left, right, top),
      vertical(right, top, middle),
      vertical(right, middle, bottom),
      horizontal(left, right, bottom),
      vertical(left, middle, bottom),
      vertical(left, top, middle),
      horizontal(left, right, middle)
    };
    g.setColor(INK);
    // Stroking the outline with round joins softens the polygon's corners.
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int i = 0; i < shapes.length; i++) {
      if ((segments & (1 << i)) != 0) {
        g.fill(shapes[i]);
        g.draw(shapes[i]);
      }
    }
  }

  /** Faint lines across the whole image, over the figure too, so no two renders match. */
  private void drawNoise(Graphics2D g) {
    g.setStroke(
        new BasicStroke(1f + random.nextFloat(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int i = 0; i < NOISE_STROKES; i++) {
      int grey = 150 + random.nextInt(60);
      g.setColor(new Color(grey, grey, grey, 70 + random.nextInt(40)));
      g.draw(
          new Line2D.Float(
              random.nextFloat() * WIDTH,
              random.nextFloat() * HEIGHT,
              random.nextFloat() * WIDTH,
              random.nextFloat() * HEIGHT));
    }
  }

  private int shift() {
    return random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
  }

  /** A pointed hexagon along y = {@code y} from {@code x0} to {@code x1} (segment centre line). */
  private static Path2D horizontal(float x0, float x1, float y) {
    float h = THICKNESS / 2;
    return polygon(
        x0 + GAP,
        y,
        x0 + GAP + h,
        y - h,
        x1 - GAP - h,
        y - h,
        x1 - GAP,
        y,
        x1 - GAP - h,
        y + h,
        x0 + GAP + h,
        y + h);
  }

  /** A pointed hexagon along x = {@code x} from {@code y0} to {@code y1}. */
  private static Path2D vertical(float x, float y0, float y1) {
    float h = THICKNESS / 2;
    return polygon(
        x,
        y0 + GAP,
        x + h,
        y0 + GAP + h,
        x + h,
        y1 - GAP - h,
        x,
        y1 - GAP,
        x - h,
        y1 - GAP - h,
        x - h,
        y0 + GAP + h);
  }

  private static Path2D polygon(float... xy) {
    Path2D.Float path = new Path2D.Float();
    path.moveTo(xy[0], xy[1]);
    for (int i = 2; i < xy.length; i += 2) {
      path.lineTo(xy[i], xy[i + 1]);
    }
    path.closePath();
    return path;
  }

  private static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
    // A memory cache, not ImageIO's default temp-file cache: no disk I/O per image.
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer available");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PNG to memory failed", e);
    }
    return bytes.toByteArray();
  }
}
