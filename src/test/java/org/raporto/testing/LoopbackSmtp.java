package org.raporto.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) on a loopback port, kept for a whole test class, and the settings that point the
 * application at it. Use with a port from {@link FreePorts#loopback()}:
 * {@code @RegisterExtension static final GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);} and, in a
 * {@code @DynamicPropertySource} method, {@code LoopbackSmtp.register(registry, SMTP_PORT)}.
 */
public final class LoopbackSmtp {

    private LoopbackSmtp() {
    }

    public static GreenMailExtension server(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);
    }

    public static void register(DynamicPropertyRegistry registry, int port) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }
}
