package org.gatewaypower.ui.component;

import java.util.Locale;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;

/** Date-time pickers that read like mission documents: ISO dates and a 24-hour clock, whatever the browser. */
public final class IsoPickers {

    private IsoPickers() {
    }

    /** Sets ISO dates (yyyy-MM-dd) and a 24-hour clock on {@code pickers}; their values are UTC by convention. */
    public static void iso(DateTimePicker... pickers) {
        for (DateTimePicker p : pickers) {
            p.setLocale(Locale.UK);
            p.setDatePickerI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        }
    }
}
