#include "store/fieldsealer.h"

#include "crypto/aead.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>

namespace fieldbook::server {

namespace {

std::string aad(std::string_view type, std::string_view id, std::string_view keyId)
{
    std::string out = "fieldbook/record/v1|";
    out += type;
    out += '|';
    out += id;
    out += '|';
    out += keyId;
    return out;
}

std::string textAad(std::string_view context, std::string_view keyId)
{
    std::string out = "fieldbook/text/v1|";
    out += context;
    out += '|';
    out += keyId;
    return out;
}

} // namespace

FieldSealer::FieldSealer(const FormRegistry& forms, std::shared_ptr<const KeyRing> keys)
    : m_forms(forms)
    , m_keys(std::move(keys))
{
    for (const FormDefinition& form : m_forms.all()) {
        for (const FieldDefinition& field : form.fields) {
            if (field.specialCategory || field.narrative) {
                m_anyVersion.emplace(form.recordType, field.name);
            }
        }
    }
}

bool FieldSealer::isSealed(std::string_view type, int version, std::string_view field) const
{
    if (const FormDefinition* form = m_forms.find(type, version)) {
        const FieldDefinition* definition = form->field(field);
        return definition != nullptr && (definition->specialCategory || definition->narrative);
    }
    return maySeal(type, field);
}

bool FieldSealer::maySeal(std::string_view type, std::string_view field) const
{
    return m_anyVersion.find(std::pair<std::string, std::string>(type, field)) != m_anyVersion.end();
}

FieldSealer::Split FieldSealer::split(std::string_view type, std::string_view id, int version,
                                      const boost::json::object& fields) const
{
    Split out;
    boost::json::object secret;
    for (const auto& field : fields) {
        if (isSealed(type, version, field.key())) {
            secret[field.key()] = field.value();
        } else {
            out.plain[field.key()] = field.value();
        }
    }
    if (!secret.empty()) {
        std::string text = boost::json::serialize(secret);
        out.keyId = m_keys->currentId();
        out.sealed = crypto::seal(m_keys->current(), crypto::toBytes(text), aad(type, id, out.keyId));
        crypto::wipe(text);
    }
    return out;
}

boost::json::object FieldSealer::join(std::string_view type, std::string_view id, boost::json::object plain,
                                      const crypto::Bytes& sealed, std::string_view keyId) const
{
    if (sealed.empty()) {
        return plain;
    }
    const crypto::Bytes* key = m_keys->key(keyId);
    if (key == nullptr) {
        throw std::runtime_error("a record is sealed with key " + std::string(keyId) +
                                 ", which the key file does not hold");
    }
    auto opened = crypto::open(*key, sealed, aad(type, id, keyId));
    if (!opened) {
        throw std::runtime_error("a sealed record failed authentication (altered or wrong key)");
    }
    std::string text = crypto::toString(*opened);
    crypto::wipe(*opened);
    boost::json::value secret = boost::json::parse(text);
    crypto::wipe(text);
    for (auto& field : secret.as_object()) {
        plain[field.key()] = std::move(field.value());
    }
    return plain;
}

std::pair<crypto::Bytes, std::string> FieldSealer::sealText(std::string_view context, std::string_view text) const
{
    const std::string keyId = m_keys->currentId();
    return {crypto::seal(m_keys->current(), crypto::toBytes(text), textAad(context, keyId)), keyId};
}

std::string FieldSealer::openText(std::string_view context, const crypto::Bytes& sealed, std::string_view keyId) const
{
    const crypto::Bytes* key = m_keys->key(keyId);
    if (key == nullptr) {
        throw std::runtime_error("a sealed text uses key " + std::string(keyId) + ", which the key file does not hold");
    }
    auto opened = crypto::open(*key, sealed, textAad(context, keyId));
    if (!opened) {
        throw std::runtime_error("a sealed text failed authentication (altered or wrong key)");
    }
    std::string text = crypto::toString(*opened);
    crypto::wipe(*opened);
    return text;
}

} // namespace fieldbook::server
