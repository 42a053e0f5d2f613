package org.portcullis.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

  @Test
  void theImageDecodesToTheText() throws Exception {
    String link =
        "https://bank.example/register/pattern.html#Zm9vYmFyLWJhei1xdXV4LXRva2VuLTEyMzQ1Njc4OTA";
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(link, 240)));
    assertEquals(240, image.getWidth());
    assertEquals(link, decode(image));
  }

  @Test
  void refusesSillySizes() {
    assertThrows(IllegalArgumentException.class, () -> QrCodes.png("x", 10));
    assertThrows(IllegalArgumentException.class, () -> QrCodes.png("x", 5000));
  }

  private static String decode(BufferedImage image)
      throws IOException, NotFoundException, ChecksumException, FormatException {
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
  }
}
