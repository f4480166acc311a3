#include "net/certificate.h"

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace fieldbook::server {

namespace {

struct FileCloser
{
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

template<typename T, void (*Free)(T*)>
struct OpenSslDeleter
{
    void operator()(T* p) const { Free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION, X509_EXTENSION_free>>;

void require(bool ok, const char* what)
{
    if (!ok) {
        throw std::runtime_error(std::string("certificate generation failed: ") + what);
    }
}

void addExtension(X509* certificate, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    ExtPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    require(extension != nullptr, "extension");
    require(X509_add_ext(certificate, extension.get(), -1) == 1, "add extension");
}

// Opens for writing with `mode` from the start, so the private key is never readable by others.
FilePtr createFile(const std::string& path, mode_t mode)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        throw std::runtime_error("cannot create " + path);
    }
    std::FILE* file = ::fdopen(fd, "w");
    if (file == nullptr) {
        ::close(fd);
        throw std::runtime_error("cannot open " + path);
    }
    return FilePtr(file);
}

} // namespace

void ensureSelfSignedCertificate(const std::string& certificatePath, const std::string& privateKeyPath)
{
    namespace fs = std::filesystem;
    const bool haveCert = fs::exists(certificatePath);
    const bool haveKey = fs::exists(privateKeyPath);
    if (haveCert && haveKey) {
        return;
    }
    if (haveCert != haveKey) {
        throw std::runtime_error("only one of " + certificatePath + " and " + privateKeyPath +
                                 " exists; restore the other or remove both to make a new identity "
                                 "(devices must then be told the new fingerprint)");
    }

    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    require(key != nullptr, "key generation");

    X509Ptr certificate(X509_new());
    require(certificate != nullptr, "X509_new");
    require(X509_set_version(certificate.get(), 2) == 1, "version");
    unsigned char serial[16];
    require(RAND_bytes(serial, sizeof serial) == 1, "serial");
    serial[0] &= 0x7f; // a positive serial number
    BIGNUM* serialNumber = BN_bin2bn(serial, sizeof serial, nullptr);
    require(serialNumber != nullptr, "serial");
    ASN1_INTEGER* asn1Serial = BN_to_ASN1_INTEGER(serialNumber, X509_get_serialNumber(certificate.get()));
    BN_free(serialNumber);
    require(asn1Serial != nullptr, "serial");
    require(X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) != nullptr, "not before");
    require(X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 60L * 60 * 24 * 3650) != nullptr, "not after");
    require(X509_set_pubkey(certificate.get(), key.get()) == 1, "public key");
    X509_NAME* name = X509_get_subject_name(certificate.get());
    require(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("fieldbook"),
                                       -1, -1, 0) == 1,
            "subject");
    require(X509_set_issuer_name(certificate.get(), name) == 1, "issuer");
    addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature");
    addExtension(certificate.get(), NID_ext_key_usage, "serverAuth");
    addExtension(certificate.get(), NID_subject_alt_name, "DNS:fieldbook,DNS:localhost,IP:127.0.0.1,IP:::1");
    require(X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0, "signature");

    if (auto parent = fs::path(certificatePath).parent_path(); !parent.empty()) {
        fs::create_directories(parent);
    }
    {
        FilePtr file = createFile(privateKeyPath, 0600);
        require(PEM_write_PrivateKey(file.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1,
                "write key");
        require(std::fflush(file.get()) == 0 && ::fsync(::fileno(file.get())) == 0, "sync key");
    }
    {
        FilePtr file = createFile(certificatePath, 0644);
        require(PEM_write_X509(file.get(), certificate.get()) == 1, "write certificate");
        require(std::fflush(file.get()) == 0 && ::fsync(::fileno(file.get())) == 0, "sync certificate");
    }
}

std::string certificateFingerprint(const std::string& certificatePath)
{
    FilePtr file(std::fopen(certificatePath.c_str(), "r"));
    if (!file) {
        throw std::runtime_error("cannot read the certificate " + certificatePath);
    }
    X509Ptr certificate(PEM_read_X509(file.get(), nullptr, nullptr, nullptr));
    if (!certificate) {
        throw std::runtime_error("no PEM certificate in " + certificatePath);
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(certificate.get(), EVP_sha256(), digest, &length) != 1) {
        throw std::runtime_error("cannot hash the certificate");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 0x0f]);
    }
    return hex;
}

} // namespace fieldbook::server
