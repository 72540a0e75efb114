package org.smartcc.api.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The warehouse's login may reach a log line through its text form: neither the URL nor the password may. */
class WarehouseLoginTest {

    @Test
    void itsTextFormNamesTheUserOnly() {
        ContainerSettings.WarehouseLogin login = new ContainerSettings.WarehouseLogin(
                "jdbc:postgresql://warehouse.example.org/i2b2?password=inurl", "i2b2demodata", "secret-password");
        String text = login.toString();
        assertEquals("WarehouseLogin[user=i2b2demodata]", text);
        assertFalse(text.contains("secret-password") || text.contains("inurl") || text.contains("example.org"), text);
    }
}
