#include "layout/theme.h"

#include <math.h>

#define RGB(hex) {(uint8_t)((hex) >> 16), (uint8_t)((hex) >> 8), (uint8_t)(hex), 255}

static const struct lf_theme themes[LF_THEME_COUNT] = {
    [LF_THEME_STANDARD] = {
        .name = "standard",
        .page = RGB(0xF6F4EF),
        .ink = RGB(0x16182A),
        .ink_soft = RGB(0x3A3D52),
        .card = RGB(0xFFFFFF),
        .bar = RGB(0x14213D),
        .bar_ink = RGB(0xFFFFFF),
        .accent = {RGB(0x8C1C2F), RGB(0x0B5A41), RGB(0x1B4279)},
        .on_accent = RGB(0xFFFFFF),
        .open = RGB(0x0B5A41),
        .closed = RGB(0x5A2A2A),
        .notice = RGB(0xFFF0C2),
        .urgent = RGB(0x8E0016),
        .button = RGB(0xE9E4D8),
        .button_ink = RGB(0x16182A),
        .rule = RGB(0xD9D4C7),
    },
    [LF_THEME_HIGH_CONTRAST] = {
        .name = "high-contrast",
        .page = RGB(0x000000),
        .ink = RGB(0xFFFFFF),
        .ink_soft = RGB(0xF0F0F0),
        .card = RGB(0x111111),
        .bar = RGB(0x000000),
        .bar_ink = RGB(0xFFFF00),
        .accent = {RGB(0xFFFF00), RGB(0x7DF9FF), RGB(0xFFB3F0)},
        .on_accent = RGB(0x000000),
        .open = RGB(0x7DFF8A),
        .closed = RGB(0xFFB3B3),
        .notice = RGB(0x000000),
        .urgent = RGB(0xFFFF00),
        .button = RGB(0xFFFF00),
        .button_ink = RGB(0x000000),
        .rule = RGB(0xFFFFFF),
    },
};

const struct lf_theme *lf_theme_get(enum lf_theme_id id)
{
    if ((int)id < 0 || id >= LF_THEME_COUNT)
        id = LF_THEME_STANDARD;
    return &themes[id];
}

static double linear(uint8_t c)
{
    double s = c / 255.0;
    return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

static double luminance(struct lf_rgba c)
{
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double lf_contrast_ratio(struct lf_rgba a, struct lf_rgba b)
{
    double la = luminance(a), lb = luminance(b);
    if (la < lb) {
        double t = la;
        la = lb;
        lb = t;
    }
    return (la + 0.05) / (lb + 0.05);
}
