### dialogs: español latinoamericano neutro

## El veredicto bajo Validar (words::verdict)

# En español no hace falta el posesivo inglés: "de Acme Shoes".
verdict-possessive = { $ends ->
   *[other] de { $name }
}
verdict-works = { $named ->
    [yes] Token de { $page }: funciona
   *[other] El token funciona
}, { $what }
verdict-works-but = { $named ->
    [yes] Token de { $page }: funciona
   *[other] El token funciona
}, pero { $what }
verdict-wrong-page = Este es el token { $theirs }, no el { $ours }
verdict-wrong-page-id = Este token es de otra Página (id { $id }), no de { $ours }
verdict-wrong-app = Este token se hizo con otra app ({ $app }), no con la app del canal
verdict-invalid-token = Meta ya no acepta este token: fue revocado, reemplazado o no es un token real
verdict-expired = Este token venció
verdict-password-changed = Meta cortó este token: la persona cambió su contraseña
verdict-session-invalidated = Meta cortó este token: la persona cerró sesión o cambió su contraseña
verdict-app-not-installed = Meta cortó este token: la app se quitó de la cuenta de la persona
verdict-checkpointed = Este token está bloqueado: Meta puso un control de seguridad en la cuenta de la persona
verdict-unconfirmed-user = Este token aún no funciona: la cuenta de Facebook de la persona no está confirmada
verdict-page-role-lost = Este token no funciona: la persona ya no tiene un rol en la Página
verdict-data-access-expired = Terminó el acceso a datos de 90 días de este token
verdict-missing-permission = A este token le { $count ->
    [one] falta el permiso
   *[other] faltan los permisos
} { $permissions }
verdict-refused = Este token no se puede guardar
understand-expires-in = vence { $when }
understand-expires-soon = vence pronto
understand-data-access-ends-in = su acceso a datos termina { $when }
understand-data-access-ends-soon = su acceso a datos termina pronto
understand-webhook = los mensajes no llegarán hasta que se suscriba el webhook
understand-other = necesita atención ({ $what })

## Agregar y Renovar

dialog-refusals-heading = Este token no se puede guardar:
dialog-warnings-heading = Este token funciona, pero:
dialog-save-anyway = Guardar de todos modos: entiendo que { $what }
dialog-and = y
dialog-open-link = Abrir { $link }
dialog-login-title = Iniciar sesión con Facebook
dialog-login-other-account = Iniciar sesión con otra cuenta
dialog-paste-instead = Mejor pegar un token
dialog-derived = Hecho con el inicio de sesión de { $name }: { $how }
dialog-derived-exchanged = un token de Página duradero (la sesión corta se convirtió en una duradera)
dialog-derived-lasting = un token de Página duradero
dialog-derived-short = un token de Página que termina con la sesión corta
dialog-nothing-saved = No se guardó nada.

add-title = Agregar un canal
add-name = Nombre
add-name-hint = p. ej. Messenger de Acme Shoes
add-kind = Tipo
add-app = App
add-no-app = Ninguna app guardada
add-app-hover = La app de Meta con la que se hizo el token
add-app-tip = Consejo: guarde primero su app de Meta en la página Apps; con su clave secreta, Tokenwarden puede revisar los tokens como lo hace el Depurador de tokens de acceso.
add-login-explain = Inicie sesión con Facebook como una persona que administra las Páginas. Tokenwarden las muestra; marque las que quiere agregar y cada una recibe su propio token de Página, revisado antes de guardarse.
add-login-why-not = Elija primero la app: el inicio de sesión pasa por ella
add-login-manages = las Páginas que quiere agregar
add-finding-pages = Sesión iniciada. Buscando las Páginas que administra esta cuenta…
add-get-token = Consiga el token en el portal de Meta:
add-token = Token
add-save = Guardar el canal
add-save-why-not = Primero póngale un nombre y valide el token

renew-title = Renovar el token de "{ $name }"
renew-channel-of = Canal de { $kind } de { $page }
renew-its-page = su Página
renew-the-app = la app
renew-step-open = 1. Abra la configuración de { $kind } de { $app }.
renew-step-open-relogin = 1. Inicie sesión de nuevo en Facebook como una persona que administra la Página y abra la configuración de { $kind } de { $app }.
renew-step-generate = 2. Genere un token nuevo para la Página "{ $page }" y cópielo.
renew-step-paste = 3. Péguelo aquí:
renew-new-token = Token nuevo
renew-step-validate = 4. Revíselo con Facebook antes de guardar nada:
renew-text-changed = El texto cambió desde la última revisión: valide de nuevo.
renew-step-save = 5. Guárdelo. El token actual se conserva, así que puede volver atrás.
renew-save = Guardar el token nuevo
renew-save-why-not = Primero valide el token
renew-current-token = Token actual
renew-needed-permissions = Permisos necesarios
renew-permissions-all = están todos
renew-permissions-missing = faltan { $permissions }
renew-permissions-not-judged = no se evalúan: el token no es de este canal
renew-login-explain = Inicie sesión con Facebook como una persona que administra { $page }. Tokenwarden hace con esa sesión el token propio de la Página y lo revisa antes de guardar nada.
renew-the-page = la Página
renew-login-making = Sesión iniciada. Haciendo el token de Página de { $page } y revisándolo…

## Inicio de sesión con un código

device-asking = Pidiendo a Facebook un código de inicio de sesión…
device-cancel = Cancelar el inicio de sesión
device-cancelled = Se canceló el inicio de sesión. No se cambió nada.
device-needs-client-token = Para iniciar sesión con Facebook hace falta el token de cliente de la app. Lo encuentra en el panel de la app en developers.facebook.com (Configuración > Avanzada > Token de cliente); guárdelo con la app en Apps.
device-open-apps = Abrir Apps
device-again = Iniciar sesión de nuevo
device-enter-code = Abra la página de inicio de sesión para dispositivos de Facebook e ingrese este código:
device-copy-code = Copiar el código
device-waiting = Esperando su aprobación en Facebook… se revisa cada { $seconds } s
device-who = Inicie sesión como una persona que administra la Página y elija Continuar.
device-for-customer = ¿Renueva con un cliente? Envíele o léale esto:
device-copy-message = Copiar el mensaje
device-copy-message-hover = Copia el mensaje; lleva el código de inicio de sesión, nunca un token
device-easy-way = La forma fácil
device-or-by-hand = O consiga un token a mano y péguelo:

## El selector de Páginas

picker-no-pages = { $person } no administra ninguna Página para esta app. Inicie sesión con una cuenta que administre la Página, o pegue el token propio de la Página.
picker-heading = Páginas que administra { $person }
picker-explain = Marque las Páginas que quiere agregar como canales de { $kind }. Cada una recibe su propio token de Página, revisado con Facebook antes de guardarse.
picker-saved-as = Guardada como "{ $name }".
picker-already-saved = Ya está guardada como "{ $name }": renueve ese canal.
picker-cannot-message = El rol de esta cuenta en la Página no puede responder mensajes (necesita Mensajes, Moderar o control total).
picker-tasks = Tareas: { $tasks }
picker-channel-name = Nombre del canal
picker-save = { $count ->
    [0] Guardar los canales
    [one] Guardar 1 canal
   *[other] Guardar { $count } canales
}
picker-tick-one = Marque al menos una Página
picker-name-each = Ponga un nombre de canal a cada Página marcada
picker-own-names = Ponga a cada canal un nombre distinto
picker-saving = Guardando…
task-manage = control total
task-create-content = publicar
task-moderate = moderar
task-messaging = mensajes
task-advertise = anuncios
task-analyze = estadísticas

## Un inicio de sesión para varios canales

group-renew-all = Iniciar sesión una vez y renovar los { $count }
group-webhook-offer = El token nuevo de "{ $name }" está guardado, pero los mensajes todavía no llegarán: su Página no está suscrita al webhook de la app.
group-subscribe = Suscribir la Página al webhook
group-not-now = Ahora no
group-subscribing = Suscribiendo…
group-title = Renovar { $count } canales con un solo inicio de sesión
group-making = Sesión iniciada. Renovando los { $count } canales…
group-renewed-count = { $renewed } de { $total } renovados
group-item-renewed = { $name }: renovado
group-item-not-renewed = { $name }: no se renovó. { $why }
dialog-cancel = Cancelar
dialog-close = Cerrar

## Volver al token anterior

rollback-previous-dead = Token anterior: ya no funciona. { $why }
rollback-previous-unchecked = Token anterior: no se revisó desde que se reemplazó.
rollback-previous-working = Token anterior, en la última revisión ({ $when }): funcionaba.
rollback-previous-attention = Token anterior, en la última revisión ({ $when }): requería atención. { $why }
rollback-previous-broken = Token anterior, en la última revisión ({ $when }): no funcionaba. { $why }
rollback-title = ¿Volver al token anterior de { $name }?
rollback-asking = Consultando a Facebook…
rollback-first-checks = Tokenwarden primero revisa con Facebook que todavía funcione.
rollback-tokens = En uso: { $current }. Se volvería a usar: { $previous }. El token en uso se conserva, así que esto se puede deshacer.
rollback-nothing-changed = No se cambió nada: el canal conserva su token actual.
rollback-confirm = Revisar y volver atrás

## Quitar y cambiar el nombre

lifecycle-new-name = Nombre nuevo
lifecycle-rename = Cambiar el nombre
lifecycle-remove = Quitar
lifecycle-rename-channel = Cambiar el nombre de { $name }
lifecycle-remove-channel = ¿Quitar { $name }?
lifecycle-token-deleted = Su token se borra de este equipo; su historial se conserva.
lifecycle-tokens-deleted = Su token y el anterior se borran de este equipo; su historial se conserva.
lifecycle-rename-app = Cambiar el nombre de la app { $name }
lifecycle-remove-app = ¿Quitar la app { $name }?
lifecycle-app-secret-deleted = Su clave secreta se borra de este equipo.
lifecycle-app-nothing-else = No se borra nada más: no hay una clave secreta guardada.
lifecycle-app-in-use = No se puede quitar mientras la usen canales: { $names }. Quite primero esos canales.

## Dónde se guardan los tokens

unlock-title-keychain = ¿Dónde guardar sus tokens?
unlock-title-unlock = Desbloquee sus tokens
unlock-title-create = Crear una bóveda cifrada
unlock-not-now = Ahora no, solo mostrar los canales guardados
unlock-keychain-unavailable = El llavero del sistema no está disponible. Tokenwarden nunca guarda tokens en texto claro. Use en su lugar un archivo de bóveda cifrado:
unlock-details = Detalles
unlock-vault-exists = Sus tokens están en una bóveda cifrada. Ingrese su frase de contraseña para abrirla.
unlock-vault-new = Elija una frase de contraseña que proteja sus tokens en este equipo.
unlock-create = Crear la bóveda
unlock-unlock = Desbloquear
unlock-try-keychain = Probar de nuevo el llavero
dialog-passphrase = Frase de contraseña
dialog-passphrase-again = Repita la frase

## Copia de seguridad y restauración

backup-title = Copia de seguridad de sus canales
backup-explain = Un archivo con cada canal, app y token, protegido con una frase de contraseña que usted elige. Sirve para pasar a otro equipo o entregárselo a un colega. Sin la frase nadie puede abrirlo, ni siquiera usted.
backup-choose-where = Elegir dónde guardar…
backup-saved = Copia de seguridad guardada en { $path }: { $channels ->
    [one] { $channels } canal
   *[other] { $channels } canales
} y { $apps ->
    [one] { $apps } app
   *[other] { $apps } apps
}. Guarde bien la frase de contraseña: sin ella la copia no se puede abrir.
backup-left-out-names = Quedaron fuera porque su token falta en este equipo: { $names }.
restore-title = Restaurar una copia de seguridad
restore-file = Archivo:
restore-ask = Escriba la frase de contraseña que se eligió al hacer la copia. Todavía no cambia nada.
restore-passphrase = Frase de la copia
restore-open = Abrir la copia
restore-made-by = Hecha por { $by } el { $when }.
restore-replace-line = { $name }: el token { $from } pasa a ser { $to }
restore-will-add = Se agregarán ({ $count })
restore-will-replace = Se reemplazarán (el token de este equipo se conserva: "Volver atrás" lo recupera) ({ $count })
restore-will-keep = Se conservan, porque el token de este equipo es más nuevo ({ $count })
restore-same = Ya son iguales ({ $count })
restore-will-not = No se restaurarán ({ $count })
restore-apps-to-add = Apps que se agregarán ({ $count })
restore-overwrite-newer = Reemplazar también los tokens más nuevos
restore-apply = Restaurar
restore-result = Restaurado: { $added ->
    [one] { $added } canal agregado
   *[other] { $added } canales agregados
}, { $replaced } reemplazados.
restore-result-kept = { $kept } se conservaron porque el token de este equipo es más nuevo.
