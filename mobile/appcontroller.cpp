#include "appcontroller.h"

#include "settings/appsettings.h"

#include "crypto/bytes.h"
#include "errorchannel.h"
#include "jsonbridge.h"
#include "model/formdefinition.h"
#include "model/record.h"
#include "models/caseloadmodel.h"
#include "models/casestatus.h"
#include "net/apiclient.h"
#include "net/devicekeys.h"
#include "net/fingerprint.h"
#include "rules/access.h"
#include "rules/writerules.h"
#include "store/localstore.h"
#include "sync/synccontroller.h"

#include <QDir>

#include <algorithm>
#include <QEvent>
#include <QGuiApplication>
#include <QJSEngine>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSysInfo>

namespace fieldbook::app {

namespace {
QPointer<AppController> s_instance; // NOLINT: the one process-wide root, GUI thread only

QString storePath(const AppOptions& options)
{
    QString dir = options.dataDir;
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    }
    QDir().mkpath(dir);
    return QDir(dir).absoluteFilePath(QStringLiteral("fieldbook.db"));
}

crypto::ScryptParams kdfFor(const AppOptions& options)
{
    crypto::ScryptParams params;
    params.n = std::uint64_t{1} << std::clamp(options.scryptLogN, 10, 20);
    return params;
}

bool isPin(const QString& pin)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{4,12}$"));
    return digits.match(pin).hasMatch();
}
} // namespace

AppController::AppController(AppOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_api(new ApiClient(this))
    , m_errors(new ErrorChannel(this))
    , m_store(std::make_unique<LocalStore>(storePath(m_options).toStdString(), kdfFor(m_options)))
    , m_caseload(new CaseloadModel(this))
{
    if (!s_instance) {
        s_instance = this;
    }
    // Every stamp the phone writes uses the server's time as the answers have told it.
    m_store->setClock(&m_api->clock());
    AppSettings* settings = AppSettings::ensure(m_options.dataDir, this); // before sync: it keeps the last sync
    m_sync = new SyncController(this);
    m_state = m_store->hasPin() && m_store->enrolled() ? State::Locked : State::Enrol;
    if (m_state == State::Enrol && m_store->hasPin()) {
        m_store->wipe(); // a PIN without an enrolment: an enrolment that never finished
    }

    if (m_state == State::Enrol && !m_options.serverUrl.isEmpty()) {
        // Before enrolment the server from the command line is only reachable for a health check.
        m_api->setServer(QUrl(m_options.serverUrl), m_options.fingerprint);
    }

    m_inactivity.setSingleShot(true);
    // The person's lock delay (settings page), unless the options (tests) set their own.
    const auto applyLockDelay = [this, settings] {
        const int seconds = m_options.lockAfterSeconds > 0 ? m_options.lockAfterSeconds : settings->lockDelayMinutes() * 60;
        m_inactivity.setInterval(std::max(1, seconds) * 1000);
    };
    applyLockDelay();
    connect(settings, &AppSettings::lockDelayChanged, this, applyLockDelay);
    connect(&m_inactivity, &QTimer::timeout, this, [this] {
        if (m_state == State::Ready) {
            lock();
            m_errors->report(tr("Locked after inactivity. Enter your PIN to carry on."), QStringLiteral("info"));
        }
    });
    if (auto* app = qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        app->installEventFilter(this);
        connect(app, &QGuiApplication::applicationStateChanged, this, &AppController::onApplicationStateChanged);
    }
}

AppController::~AppController()
{
    if (auto* app = QCoreApplication::instance()) {
        app->removeEventFilter(this);
    }
}

AppController* AppController::instance()
{
    if (!s_instance) {
        // Nobody made one (a QML tool loading the module): a default instance owned by the app.
        new AppController(AppOptions{}, QCoreApplication::instance());
    }
    return s_instance;
}

AppController* AppController::create(QQmlEngine* /*qmlEngine*/, QJSEngine* /*jsEngine*/)
{
    AppController* controller = instance();
    QJSEngine::setObjectOwnership(controller, QJSEngine::CppOwnership);
    return controller;
}

// --- state ------------------------------------------------------------------------------------------

void AppController::setState(State state)
{
    if (m_state == state) {
        emit stateChanged();
        return;
    }
    m_state = state;
    emit stateChanged();
}

void AppController::setBusy(bool busy)
{
    if (m_busy != busy) {
        m_busy = busy;
        emit busyChanged();
    }
}

bool AppController::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void AppController::noteActivity()
{
    if (m_state == State::Ready) {
        m_inactivity.start();
    }
}

void AppController::onApplicationStateChanged(Qt::ApplicationState state)
{
    // Hidden/Suspended is "sent to the background" on a phone. Inactive is not: a desktop window
    // without focus is Inactive and must not lock on every click elsewhere.
    if ((state == Qt::ApplicationHidden || state == Qt::ApplicationSuspended) && m_state == State::Ready) {
        lock();
    }
    if (state == Qt::ApplicationActive && m_state == State::Ready) {
        m_sync->retrySoon();
    }
}

// --- server and user --------------------------------------------------------------------------------

QString AppController::serverUrl() const
{
    return m_api->baseUrl().toString();
}

QString AppController::fingerprint() const
{
    return m_api->fingerprint();
}

QString AppController::fingerprintGrouped() const
{
    return groupedFingerprint(m_api->fingerprint());
}

User AppController::currentUser() const
{
    if (m_state != State::Ready) {
        return {};
    }
    const auto identity = m_store->identity();
    return identity ? identity->user : User{};
}

QString AppController::userName() const
{
    return qs(currentUser().name);
}

QStringList AppController::roles() const
{
    QStringList out;
    for (const Role role : currentUser().roles.list()) {
        out << qs(std::string(roleName(role)));
    }
    return out;
}

QString AppController::rolesText() const
{
    QStringList words;
    for (const QString& role : roles()) {
        words << humanise(role).toLower();
    }
    return words.join(QStringLiteral(", "));
}

bool AppController::isVolunteer() const
{
    return currentUser().roles.anyVolunteer();
}

bool AppController::isPractitioner() const
{
    return currentUser().roles.has(Role::Practitioner);
}

bool AppController::isCoordinator() const
{
    return currentUser().roles.has(Role::Coordinator);
}

QVariantList AppController::menuForms() const
{
    // Everything the core's role table lets this person write, except contact records, which are
    // started from a case so that the gates can be checked first. The safeguarding report leads.
    QVariantList out;
    const User me = currentUser();
    std::vector<std::string> types;
    for (const std::string& type : writableRecordTypes(me.roles)) {
        if (!isContactRecordType(type)) {
            types.push_back(type);
        }
    }
    std::stable_partition(types.begin(), types.end(), [](const std::string& type) { return type == "safeguarding_report"; });
    for (const std::string& type : types) {
        if (const FormDefinition* form = FormRegistry::builtin().current(type)) {
            out << QVariantMap{{QStringLiteral("recordType"), qs(type)}, {QStringLiteral("title"), qs(form->title)}};
        }
    }
    return out;
}

bool AppController::canRaiseConcern() const
{
    const auto types = writableRecordTypes(currentUser().roles);
    return std::find(types.begin(), types.end(), "safeguarding_report") != types.end();
}

int AppController::attemptsLeft() const
{
    return m_store->hasPin() ? m_store->attemptsLeft() : LocalStore::kMaxPinAttempts;
}

void AppController::learnUser(const QJsonObject& answer)
{
    auto identity = m_store->identity();
    if (!identity) {
        return;
    }
    const QJsonObject user = answer.value(QLatin1String("user")).isObject()
                                 ? answer.value(QLatin1String("user")).toObject()
                                 : answer;
    bool changed = false;
    if (const QString name = user.value(QLatin1String("name")).toString(); !name.isEmpty()) {
        identity->user.name = ss(name);
        changed = true;
    }
    if (const QString team = user.value(QLatin1String("team")).toString(); !team.isEmpty()) {
        identity->user.team = ss(team);
        changed = true;
    }
    // The server's list is the whole truth: an empty list takes every role away (the phone then
    // offers nothing), and the phone never guesses a role from the records it holds.
    if (const QJsonValue rolesValue = user.value(QLatin1String("roles")); rolesValue.isArray()) {
        const QJsonArray roles = rolesValue.toArray();
        RoleSet set;
        for (const QJsonValue& role : roles) {
            if (const auto parsed = parseRole(ss(role.toString()))) {
                set.add(*parsed);
            }
        }
        identity->user.roles = set;
        changed = true;
    }
    if (changed) {
        m_store->saveIdentity(*identity);
        emit userChanged();
    }
}

void AppController::refresh()
{
    if (m_state != State::Ready) {
        m_caseload->clear();
        return;
    }
    m_caseload->reload(*m_store, currentUser(), todayUtc());
    emit dataChanged();
}

// --- enrol, unlock, lock, wipe ---------------------------------------------------------------------

void AppController::probeServer(const QString& url)
{
    const QUrl parsed(url.trimmed());
    if (parsed.scheme() != QLatin1String("https") || parsed.host().isEmpty()) {
        m_errors->report(tr("The server address must start with https:// and name a host."));
        return;
    }
    // A pin that cannot match: the handshake shows the certificate, and nothing is sent.
    auto* probe = new ApiClient(this);
    probe->setServer(parsed, QString(64, QLatin1Char('0')));
    setBusy(true);
    probe->get(QStringLiteral("/v1/health"), [this, probe](const ApiReply& reply) {
        setBusy(false);
        m_presentedFingerprint = groupedFingerprint(probe->lastSeenFingerprint());
        if (m_presentedFingerprint.isEmpty()) {
            m_errors->report(reply.message);
        }
        emit serverChanged();
        probe->deleteLater();
    });
}

void AppController::enrol(const QString& url, const QString& fingerprint, const QString& code, const QString& pin)
{
    const QUrl server(url.trimmed());
    const QString print = normaliseFingerprint(fingerprint);
    QString problem;
    if (server.scheme() != QLatin1String("https") || server.host().isEmpty()) {
        problem = tr("The server address must start with https:// and name a host.");
    } else if (print.isEmpty()) {
        problem = tr("The certificate fingerprint must be the 64 letters and digits your administrator gave you.");
    } else if (code.trimmed().isEmpty()) {
        problem = tr("Enter the one-time enrolment code from your administrator.");
    } else if (!isPin(pin)) {
        problem = tr("The PIN must be 4 to 12 digits.");
    }
    if (!problem.isEmpty()) {
        m_errors->report(problem);
        emit enrolFinished(false, problem);
        return;
    }
    if (m_store->hasPin()) {
        m_store->wipe();
    }
    m_store->initialise(pin.toStdString());
    m_api->setServer(server, print);
    emit serverChanged();

    DeviceKeyPair keys;
    try {
        keys = generateDeviceKeyPair();
    } catch (const std::exception& error) {
        m_store->wipe();
        const QString message = tr("Could not create this phone's key: %1").arg(QString::fromUtf8(error.what()));
        m_errors->report(message);
        emit enrolFinished(false, message);
        return;
    }
    const QJsonObject body{{QStringLiteral("code"), code.trimmed()},
                           {QStringLiteral("device_name"), tr("Fieldbook on %1").arg(QSysInfo::prettyProductName())},
                           {QStringLiteral("public_key"), qs(crypto::base64Encode(keys.publicKey))}};
    setBusy(true);
    m_api->post(QStringLiteral("/v1/enrol"), body, [this, keys, server, print](const ApiReply& reply) {
        setBusy(false);
        if (!reply.ok()) {
            m_store->wipe();
            QString message = reply.message;
            if (reply.errorCode == QLatin1String("code_invalid") || reply.status == 403 || reply.status == 404) {
                message = tr("That enrolment code is not valid, has expired or was used already. "
                             "Ask your administrator for a new one.");
            }
            m_errors->report(message);
            emit enrolFinished(false, message);
            return;
        }
        const QJsonObject answer = reply.object();
        Identity identity;
        identity.serverUrl = ss(server.toString());
        identity.fingerprint = ss(print);
        identity.deviceId = ss(answer.value(QLatin1String("device_id")).toString());
        identity.refreshToken = ss(answer.value(QLatin1String("refresh_token")).toString());
        identity.privateKey = keys.privateKey;
        identity.user.id = ss(answer.value(QLatin1String("user_id")).toString());
        m_store->saveIdentity(identity);
        learnUser(answer);
        m_presentedFingerprint.clear();
        afterUnlock();
        emit enrolFinished(true, {});
        m_sync->syncNow();
    });
}

void AppController::afterUnlock()
{
    auto identity = m_store->identity();
    if (identity) {
        // A server that moved (new address, same pinned certificate) may be given on the command
        // line; a different certificate never replaces the pin.
        if (!m_options.serverUrl.isEmpty() && m_options.serverUrl.toStdString() != identity->serverUrl &&
            normaliseFingerprint(m_options.fingerprint).toStdString() == identity->fingerprint) {
            identity->serverUrl = ss(m_options.serverUrl);
            m_store->saveIdentity(*identity);
        }
        m_api->setServer(QUrl(qs(identity->serverUrl)), qs(identity->fingerprint));
    }
    setState(State::Ready);
    m_inactivity.start();
    emit serverChanged();
    emit userChanged();
    m_sync->onUnlocked();
    refresh();
}

void AppController::unlock(const QString& pin)
{
    if (m_state != State::Locked) {
        return;
    }
    if (!isPin(pin)) {
        const QString message = tr("The PIN is 4 to 12 digits.");
        m_errors->report(message);
        emit unlockFinished(false, message);
        return;
    }
    switch (m_store->unlock(pin.toStdString())) {
    case LocalStore::UnlockResult::Unlocked:
        m_errors->dismiss();
        afterUnlock();
        emit unlockFinished(true, {});
        m_sync->retrySoon();
        return;
    case LocalStore::UnlockResult::WrongPin: {
        const QString message = tr("Wrong PIN. %n attempt(s) left before this phone's Fieldbook data is erased.",
                                   nullptr, m_store->attemptsLeft());
        m_errors->report(message, QStringLiteral("warning"));
        emit stateChanged();
        emit unlockFinished(false, message);
        return;
    }
    case LocalStore::UnlockResult::Wiped: {
        const QString message = tr("Too many wrong PINs: Fieldbook's data on this phone has been erased. "
                                   "Ask your administrator for a new enrolment code.");
        m_api->setServer(QUrl(), QString());
        setState(State::Enrol);
        m_errors->report(message);
        emit unlockFinished(false, message);
        return;
    }
    }
}

void AppController::lock()
{
    if (m_state != State::Ready) {
        return;
    }
    m_inactivity.stop();
    m_sync->onLocked();
    m_store->lock();
    m_caseload->clear();
    setState(State::Locked);
    emit userChanged();
}

void AppController::wipeWithMessage(const QString& message)
{
    m_inactivity.stop();
    m_sync->onLocked();
    m_store->wipe();
    m_caseload->clear();
    m_api->setServer(QUrl(), QString());
    setState(State::Enrol);
    emit serverChanged();
    emit userChanged();
    m_errors->report(message);
}

void AppController::eraseThisPhone()
{
    wipeWithMessage(tr("Fieldbook's data on this phone has been erased."));
}

void AppController::navigate(const QString& page, const QString& argument)
{
    emit navigationRequested(page, argument);
}

} // namespace fieldbook::app
