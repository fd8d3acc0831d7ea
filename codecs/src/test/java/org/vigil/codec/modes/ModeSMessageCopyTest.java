package org.vigil.codec.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.vigil.core.aircraft.Emergency;

/** {@link ModeSMessage#copyFrom}, the whole-message copy the two picture stages hand over, leaves no public field out. */
class ModeSMessageCopyTest {

    @Test
    void everyPublicFieldIsCopiedAndTheFrameBytesToo() throws Exception {
        ModeSMessage from = new ModeSMessage();
        int n = 0;
        for (Field f : ModeSMessage.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().startsWith("frame")) continue;
            n++;
            Class<?> t = f.getType();
            // a value different from the default and from every other field's
            if (t == int.class) f.setInt(from, 1000 + n);
            else if (t == long.class) f.setLong(from, 1_000_000L + n);
            else if (t == double.class) f.setDouble(from, 0.5 + n);
            else if (t == boolean.class) f.setBoolean(from, true);
            else if (t == Emergency.class) f.set(from, Emergency.values()[Emergency.values().length - 1]);
            else if (t == DecodeFailure.class) f.set(from, DecodeFailure.BAD_CRC);
            else throw new AssertionError("a field of a type the test does not know: " + f);
        }
        assertThat(n).as("fields besides the frame").isGreaterThan(100);
        byte[] wire = {0, 0, 0, (byte) 0x8D, 0x4B, 0x18, 0x27, 0x58, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x1};
        from.frame = wire;
        from.frameOffset = 3;
        from.frameLength = 7;

        ModeSMessage to = new ModeSMessage();
        byte[] own = new byte[AdsbEncoder.LONG_FRAME_BYTES];
        to.copyFrom(from, own);

        for (Field f : ModeSMessage.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().startsWith("frame")) continue;
            assertThat(f.get(to)).as(f.getName()).isEqualTo(f.get(from));
        }
        assertThat(to.frame).isSameAs(own);
        assertThat(to.frameOffset).isZero();
        assertThat(to.frameLength).isEqualTo(7);
        for (int i = 0; i < 7; i++) assertThat(own[i]).isEqualTo(wire[3 + i]);

        // a message without a frame (SBS, CAT021) leaves none behind from the slot's last use
        from.frame = null;
        from.frameLength = 0;
        to.copyFrom(from, own);
        assertThat(to.frame).isNull();
        assertThat(to.frameLength).isZero();
    }
}
