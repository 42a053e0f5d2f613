package org.portcullis.pinpad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigitImagesTest {

  private final DigitImages images = new DigitImages(new SecureRandom());

  private static BufferedImage read(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image, "not a readable image");
    return image;
  }

  private static boolean dark(BufferedImage image, int x, int y) {
    int rgb = image.getRGB(x, y);
    int luminance = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
    return luminance < 100;
  }

  private static int darkPixels(BufferedImage image, int x0, int x1, int y0, int y1) {
    int count = 0;
    for (int x = x0; x < x1; x++) {
      for (int y = y0; y < y1; y++) {
        count += dark(image, x, y) ? 1 : 0;
      }
    }
    return count;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
  void rendersAReadablePngOfTheExpectedSize(int digit) throws IOException {
    byte[] png = images.png(digit);
    BufferedImage image = read(png);

    assertEquals(DigitImages.WIDTH, image.getWidth());
    assertEquals(DigitImages.HEIGHT, image.getHeight());
    int dark = darkPixels(image, 0, image.getWidth(), 0, image.getHeight());
    assertTrue(dark > 100, "digit drawn: " + dark);
    assertTrue(dark < image.getWidth() * image.getHeight() / 3, "background light: " + dark);
    assertFalse(dark(image, 0, 0));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 8})
  void twoRendersOfTheSameDigitDifferInBytes(int digit) {
    assertFalse(Arrays.equals(images.png(digit), images.png(digit)));
  }

  @Test
  void eightHasMoreInkThanOneAndAMiddleBarThatZeroLacks() throws IOException {
    for (int i = 0; i < 20; i++) {
      BufferedImage zero = read(images.png(0));
      BufferedImage one = read(images.png(1));
      BufferedImage eight = read(images.png(8));
      int w = DigitImages.WIDTH;
      int h = DigitImages.HEIGHT;

      assertTrue(darkPixels(eight, 0, w, 0, h) > 2 * darkPixels(one, 0, w, 0, h));
      // The middle bar crosses the centre column between y = 38 and 58, whatever the offset.
      assertTrue(darkPixels(eight, w / 2, w / 2 + 1, 38, 58) >= 5);
      assertEquals(0, darkPixels(zero, w / 2, w / 2 + 1, 38, 58));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 10})
  void refusesNonDigits(int digit) {
    assertThrows(IllegalArgumentException.class, () -> images.png(digit));
  }
}
