### service: Spanish

## Pedidos que no tienen sentido tal como vienen (salida 2); no se cambió nada

usage-bad-app-id = El id de la app debe ser el número que aparece en el panel de la app, no { $id }.
usage-app-name-missing = Póngale un nombre a la app.
usage-channel-name-missing = Póngale un nombre al canal, por ejemplo "Acme Shoes Messenger".
usage-name-not-plain = Póngale { $what ->
        [app] a la app
       *[channel] al canal
    } un nombre de texto simple, por ejemplo "Acme Shoes Messenger".
usage-channel-exists = Ya existe un canal llamado { $name }. Elija otro nombre, o renueve ese canal.
usage-line-name-taken = Ya existe un canal llamado { $name } (guardado, o en una línea anterior). Elija otro nombre.
usage-name-taken = { $what ->
        [app] Otra app
       *[channel] Otro canal
    } ya se llama { $name } (id { $id }). Elija otro nombre.
usage-no-earlier-token = { $name } no tiene un token anterior al cual volver: nunca se renovó aquí.
usage-no-webhook = { $name } es un canal de { $kind }; no usa un webhook.
usage-page-unknown = Todavía no se conoce la Página del canal; revíselo primero.
usage-no-client-token = Para iniciar sesión hace falta el token de cliente de la app (panel de apps de Meta: Configuración > Avanzada > Seguridad > Token de cliente). Guárdelo con: tokenwarden app add --id { $app } --name NOMBRE --client-token TOKEN
usage-report-not-written = No se pudo escribir el informe en { $path }: { $detail }
usage-report-not-opened = No se pudo abrir { $path }: { $detail }
usage-report-damaged = { $path } no es un informe de Tokenwarden, o está dañado ({ $detail }).
usage-not-a-report = { $path } no es un informe de Tokenwarden.
usage-newer-report = { $path } lo hizo un Tokenwarden más nuevo ({ $version }); actualice Tokenwarden para abrirlo.
input-paste-app-secret = Pegue la clave secreta de la app y presione Enter (no se mostrará):{" "}
input-app-secret-bad = La clave secreta de la app está vacía o tiene espacios. Cópiela de la página Configuración > Básica de la app.

## Alguien más cambió lo mismo hace un momento (salida 3); no se cambió nada

conflict-name-added = Alguien más acaba de agregar un canal llamado { $name }, así que no se guardó nada. Elija otro nombre e intente de nuevo.
conflict-line-name-added = Alguien más acaba de agregar un canal llamado { $name }, así que esta línea no se guardó.
conflict-token-changed = Alguien más cambió el token de este canal hace un momento. No se guardó nada; vuelva a mirar el canal e intente de nuevo si todavía necesita un token nuevo.
conflict-removed = Alguien más quitó este canal hace un momento. No se guardó nada; agréguelo de nuevo si todavía lo necesita.
conflict-tokens-changed = Alguien más cambió los tokens de { $name } hace un momento (una renovación, una restauración u otra vuelta atrás). No se cambió nada; vuelva a mirar el canal e intente de nuevo si todavía necesita su token anterior.

## Todavía en uso (salida 1); no se quitó nada

error-app-in-use = La app { $app } { $count ->
        [one] la usa 1 canal: { $names }. Quítelo primero; no se quitó nada.
       *[other] la usan { $count } canales: { $names }. Quítelos primero; no se quitó nada.
    }

## El trabajo de fondo de la ventana

failure-locked = Primero desbloquee el almacén de secretos: esto necesita sus tokens.
failure-task = Falló una tarea de fondo: { $detail }
failure-demo = No se pudo iniciar la demostración: { $detail }

## Errores de lectura de la línea de comandos (los de clap)

clap-error = error: { $sentence }
clap-unknown-argument = argumento inesperado '{ $arg }'
clap-missing-argument = faltan argumentos obligatorios: { $args }
clap-value-missing = '{ $arg }' necesita un valor y no se dio ninguno
clap-invalid-value = valor no válido '{ $value }' para '{ $arg }'
clap-possible-values = {" "}[valores posibles: { $values }]
clap-unknown-subcommand = subcomando desconocido '{ $command }'
clap-missing-subcommand = '{ $command }' necesita un subcomando y no se dio ninguno
clap-did-you-mean = consejo: quizás quiso decir { $similar }
clap-usage = Uso: { $usage }
clap-more-information = Para más información, pruebe '--help'.

## Por qué no se restauró un canal de la copia de seguridad

restore-why-bad-id = No se restauró: la copia de seguridad le da a este canal { $what ->
        [app] un id de app
        [instagram] un id de cuenta de Instagram
       *[page] un id de Página
    } que no es un id de Facebook (esos son solo dígitos). Puede que la copia se haya editado o dañado; el canal quedó como estaba.
restore-why-failed-check = No se restauró: puede que el token actual de este canal aún funcione, y el token de la copia no pasó la revisión que exige una renovación: { $reasons } El canal conserva su token actual.
restore-why-personal-token = No se restauró: puede que el token actual de este canal aún funcione, y el token de la copia no pasó la revisión que exige una renovación: es un token personal (de usuario), no el token propio del canal. El canal conserva su token actual.
restore-why-unchecked = Se omitió: puede que el token actual de este canal aún funcione, y el token de la copia no se pudo revisar con Facebook ({ $detail }). Ejecute la restauración de nuevo cuando tenga conexión, o agregue --overwrite-newer para restaurarlo sin revisarlo.
restore-why-started-working = Se omitió: este canal empezó a funcionar mientras corría la restauración, así que el token de la copia no se revisó contra él. Ejecute la restauración de nuevo.

## Por qué no se usa una carpeta de perfil, y qué valores acepta un ajuste

unsafe-link = es un enlace simbólico, que podría hacer que Tokenwarden use un archivo que no es suyo
unsafe-link-fix = Reemplace el enlace por el archivo real (por ejemplo: mueva con mv el archivo al que apunta sobre { $path }) e intente de nuevo.
unsafe-other-owner = la carpeta pertenece a otro usuario (id de usuario { $owner }; usted es { $me })
unsafe-other-owner-fix = Use una carpeta propia con --profile CARPETA, o pida a su dueño que se la pase a usted (chown).
unsafe-open = otros usuarios pueden cambiar archivos en ella (permisos { $mode }), así que podrían reemplazar su catálogo o su bóveda
unsafe-open-fix = Déjela solo para usted con: chmod 700 { $path }
expected-secret-store = Use "keyring" (el llavero del sistema, lo predeterminado) o "vault" (un archivo cifrado en la carpeta del perfil, protegido con una frase de contraseña).
expected-work-factor = Debe ser un número entero de { $min } a { $max } (para pruebas y computadoras lentas); déjelo sin definir para usar el valor seguro predeterminado, { $default }.

## Rechazos de un caso de uso (los motivos de un agregado, una renovación o una vuelta atrás rechazados)

refusal-twin = { $target ->
        [whatsapp] Esta cuenta de WhatsApp Business
        [instagram] Esta Página de la cuenta de Instagram
       *[page] Esta Página
    } ({ $page }) ya está guardada como el canal de { $kind } { $name }. Renueve ese canal en lugar de agregarlo dos veces (tokenwarden renew { $name }).
twin-page-named = { $name }, id { $id }
twin-page-same = la misma
refusal-confirm-warnings = El token funciona pero requiere atención; confirme para guardarlo de todos modos (--accept-warnings).
refusal-not-page-token = Este es un token de { $type }, no un token de Página. Un canal de { $kind } necesita el token propio de la Página: genérelo para la Página en la configuración de { $kind } de la app.
token-type-different = otro tipo
refusal-same-token = Este es el token que el canal ya tiene. Consiga un token nuevo de Facebook y pegue ese.
refusal-rollback-user-token = El token anterior es un token personal (de usuario), no el token de Página de este canal.
refusal-rollback-not-put-back = El token anterior de { $name } no se volvió a poner, y el canal conserva su token actual, porque el token anterior ya no pasa las revisiones de una renovación.
refusal-rollback-force = Para ponerlo de todos modos (por ejemplo, sin internet), ejecute: tokenwarden rollback { $name } --force
refusal-short-login = Este token de Página viene de un inicio de sesión corto y deja de funcionar cuando esa sesión termina (normalmente en menos de dos horas). Guarde la clave secreta de la app en Tokenwarden (Apps, o `tokenwarden app add --secret-stdin`) para que pueda convertir la sesión en una duradera, y renueve de nuevo.
refusal-app-secret = Facebook no aceptó esta clave secreta para la app { $app } ({ $detail }). Cópiela de nuevo de la página Configuración > Básica de la app.
refusal-which-page-none = Este es el token personal (de usuario) de { $who }, que no administra ninguna Página para esta app. Pegue el token propio de la Página, o inicie sesión con una cuenta que administre la Página.
refusal-which-page = Este es el token personal (de usuario) de { $who }. Indique para qué Página es el canal: { $pages }.
which-page-entry = { $name } (--page { $id })
which-page-entry-saved = { $name } (--page { $id }, ya guardada como { $saved })

## Por qué no se hizo una revisión (decisión de Tokenwarden)

failure-slowed-down = no se revisó porque Facebook pidió ir más despacio
failure-near-rate-limit = no se revisó: Facebook informó que se usó el { $percent } % de su límite de consultas, así que Tokenwarden se detuvo antes de llegar a él
failure-not-scheduled = Tokenwarden no pudo programar esta revisión; intente de nuevo
refusal-rollback-gone = Falta en el almacén de secretos el token anterior de { $name } (se quitó por fuera de Tokenwarden), así que no hay nada a qué volver. No se cambió nada: el canal conserva su token actual.
refusal-webhook = Facebook no aceptó la suscripción ({ $detail }). Puede que al token le falte pages_manage_metadata, o que la app no tenga un webhook configurado: abra la configuración de { $kind } de la app.
refusal-login-not-manager = Inició sesión como { $who }; este canal es de { $page }, que { $who } no administra. Inicie sesión con una cuenta que la administre, o pida a un administrador de la Página que le dé un rol a { $who }.
login-page-named = la Página { $name }
login-page-id = la Página con id { $id }
refusal-login-cannot-message = { $who } tiene un rol en { $page }, pero no uno que pueda responder mensajes (hace falta Mensajes, Moderación o control total). Pida a un administrador de la Página que le dé ese acceso a { $who } y vuelva a iniciar sesión.
refusal-login-cancelled = Se canceló el inicio de sesión. No se cambió nada.
refusal-login-declined = El inicio de sesión se rechazó en Facebook, así que no hay un token nuevo. No se cambió nada; empiece de nuevo el inicio de sesión y elija Continuar.
refusal-login-code-expired = El código de inicio de sesión venció antes de usarse. No se cambió nada; empiece de nuevo el inicio de sesión e ingrese el código nuevo en pocos minutos.
refusal-twin-in-run = Una línea anterior ya agrega esta Página (id { $id }) como canal de { $kind }. Un solo canal de cada tipo por Página.
refusal-probe-words = {" "}(Facebook no mostró los detalles del token, y el propio token no pudo decirlo)
paren-id = {" "}(id { $id })
refusal-unconfirmed-valid = Facebook no confirmó este token. Su respuesta no dijo que el token funcione{ $probe }. Intente de nuevo en unos minutos; si sigue pasando, consiga un token nuevo.
refusal-unconfirmed-app = Facebook no confirmó este token. Su respuesta no dijo para qué app se hizo el token{ $probe }, así que no se puede comparar con la app del canal{ $want }. Intente de nuevo en unos minutos, o guarde la clave secreta de la app en Tokenwarden para que el token se pueda revisar por completo.
refusal-unconfirmed-target = Facebook no confirmó este token. Su respuesta no dijo para qué { $target ->
        [whatsapp] cuenta de WhatsApp Business
        [instagram] Página vinculada a la cuenta de Instagram
       *[page] Página
    } es el token{ $probe }, así que no se puede comparar con la { $target ->
        [whatsapp] cuenta de WhatsApp Business
        [instagram] Página vinculada a la cuenta de Instagram
       *[page] Página
    } del canal{ $want }. Consiga el token de la { $target ->
        [whatsapp] cuenta de WhatsApp Business
        [instagram] Página vinculada a la cuenta de Instagram
       *[page] Página
    } correcta e intente de nuevo.
refusal-other-account = Este token es de otra { $target ->
        [whatsapp] cuenta de WhatsApp Business
        [instagram] Página vinculada a la cuenta de Instagram
       *[page] Página
    } (id { $got }) distinta de la de este canal (id { $id }). Consiga el token de la { $target ->
        [whatsapp] cuenta de WhatsApp Business
        [instagram] Página vinculada a la cuenta de Instagram
       *[page] Página
    } correcta.
page-saved-as = Ya está guardada como { $name }: renueve ese canal en su lugar.
page-cannot-message = El rol de este inicio de sesión en la Página no puede responder mensajes (hace falta Mensajes, Moderación o control total).

## El almacén de secretos

secret-store-keyring = Llavero del sistema
secret-store-vault = Bóveda cifrada
secret-store-workspace = Espacio de equipo
secret-store-memory = Memoria (demostración)

# Una solicitud que Tokenwarden se negó a enviar.
graph-unsafe-id = el id { $id } no es un id de Facebook (esos son solo dígitos), así que no se envió nada con él. Revise el id de la Página del canal, o agregue el canal de nuevo
graph-unsafe-address = la dirección { $address } no es una que Tokenwarden use (un id en ella no es un id de Facebook), así que no se envió nada. Revise el id de la Página del canal, o agregue el canal de nuevo
graph-unsafe-secret = Tokenwarden habría puesto un secreto ({ $name }) en una dirección web, así que la solicitud no se envió. Es un error del programa; por favor, repórtelo
graph-unsafe-no-safe-debug = Facebook no aceptó ninguna de las dos formas seguras de revisar un token (ambas lo mantienen fuera de las direcciones web), y Tokenwarden nunca pone un token en una dirección web, donde lo guardan los proxies y los registros de los servidores. Si esto continúa, avise a los desarrolladores de Tokenwarden
graph-unsafe-base-url = la dirección de Graph no puede llevar una ruta
graph-unsafe-no-target = no hay una Página por la cual preguntar
