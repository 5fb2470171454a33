#include "core/log.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>

static enum lf_log_level max_level = LF_LOG_INFO;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static enum { TARGET_UNKNOWN, TARGET_JOURNAL, TARGET_TERMINAL } target = TARGET_UNKNOWN;
static char screen_name[LF_LOG_NAME_BYTES + 1];

void lf_log_set_level(enum lf_log_level level)
{
    max_level = level;
}

enum lf_log_level lf_log_level(void)
{
    return max_level;
}

const char *lf_log_name(void)
{
    return screen_name;
}

void lf_log_set_name(const char *name)
{
    pthread_mutex_lock(&log_lock);
    snprintf(screen_name, sizeof(screen_name), "%s", name ? name : "");
    pthread_mutex_unlock(&log_lock);
}

/* systemd sets JOURNAL_STREAM to "DEVICE:INODE" of the stream it connected
 * to stderr; only when stderr is still that stream do we talk to the
 * journal (a redirected stderr, e.g. `litfass ... 2>file`, gets times). */
bool lf_log_to_journal(void)
{
    const char *js = getenv("JOURNAL_STREAM");
    if (!js || !*js)
        return false;
    char *end;
    unsigned long long dev = strtoull(js, &end, 10);
    if (*end != ':')
        return false;
    unsigned long long ino = strtoull(end + 1, &end, 10);
    if (*end != '\0')
        return false;
    struct stat st;
    if (fstat(2, &st) != 0)
        return false;
    return (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino;
}

void lf_log(enum lf_log_level level, const char *fmt, ...)
{
    static const char *const names[] = {"error", "warning", "info", "debug"};
    /* syslog priorities (sd-daemon.h SD_ERR, SD_WARNING, SD_INFO, SD_DEBUG):
     * the journal reads a leading "<N>" as the line's priority */
    static const int priorities[] = {3, 4, 6, 7};
    if (level > max_level)
        return;
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&log_lock);
    if (target == TARGET_UNKNOWN)
        target = lf_log_to_journal() ? TARGET_JOURNAL : TARGET_TERMINAL;
    if (target == TARGET_JOURNAL) {
        /* the journal stamps the time itself */
        fprintf(stderr, "<%d>", priorities[level]);
    } else {
        struct timeval tv;
        gettimeofday(&tv, NULL);
        struct tm tm;
        time_t secs = tv.tv_sec;
        localtime_r(&secs, &tm);
        char stamp[40];
        strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S", &tm);
        char zone[8];
        strftime(zone, sizeof(zone), "%z", &tm);
        fprintf(stderr, "%s.%03d%s ", stamp, (int)(tv.tv_usec / 1000), zone);
    }
    if (screen_name[0])
        fprintf(stderr, "litfass[%s]: %s: ", screen_name, names[level]);
    else
        fprintf(stderr, "litfass: %s: ", names[level]);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    fflush(stderr);
    pthread_mutex_unlock(&log_lock);
    va_end(ap);
}

void lf_error_text(char *err, size_t size, const char *fmt, ...)
{
    if (!err || size == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
}
